import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { getVariableValues, GraphQLError, type ValidationRule } from 'graphql';
import { AppError, ErrorCode } from '../errors';
import type { Context } from './context';
import { operationCost } from './cost';
import { checkInputCaps } from './input-caps';
import { introspectionBounds } from './introspection-bounds';
import { fragmentsOf, walkFields } from './selections';
import { supportedOperationTypes } from './operation-types';

/** The most errors one response lists; a flood of validation errors is cut to these and a count. */
export const MAX_ERRORS = 10;

/** What a request may ask for (config: QUERY_MAX_*). */
export interface QueryLimits {
  depth: number;
  aliases: number;
  directives: number;
  tokens: number;
  cost: number;
  /** Operations that cost more are heavy: their transactions share fewer slots (see Admission). */
  heavyCost: number;
}

/** Charges an admitted operation's cost (`ctx.cost`) to its client; throws when the client may not spend it. */
export type CostCharge = (ctx: Context) => Promise<void>;

/**
 * Refuses, before any resolver runs, an operation whose arguments are longer than their caps
 * (input-caps.ts) or whose cost is over the limit; both read the variables as execution will.
 * An operation within them is then charged to its client (`chargeCost`: the budget).
 */
function operationLimitsPlugin(limits: QueryLimits, chargeCost?: CostCharge): ApolloServerPlugin<Context> {
  const limit = limits.cost;
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation, operationName, contextValue }) {
          const coerced = getVariableValues(schema, operation?.variableDefinitions ?? [], request.variables ?? {});
          // Variables that do not fit the operation: execution refuses them with a 400 of its own.
          if (coerced.errors) return;
          checkInputCaps(schema, document, operationName, coerced.coerced);
          // getComplexity coerces the variables itself: given coerced ones, a Date scalar would refuse its own Date.
          const cost = operationCost(schema, document, request.variables ?? {}, operationName ?? undefined);
          if (cost > limit) {
            throw new AppError(
              ErrorCode.QueryTooComplex,
              `The query would cost ${cost}, over the limit of ${limit}: ask for fewer items per list (first) or fewer nested lists.`,
              { details: { cost, limit, http: { status: 400 } } },
            );
          }
          contextValue.cost = cost;
          contextValue.ticket.heavy = cost > limits.heavyCost;
          await chargeCost?.(contextValue);
        },
      };
    },
  };
}

/** Cuts a response's error list to MAX_ERRORS, the last saying how many more there were. */
function errorCapPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (!errors || errors.length <= MAX_ERRORS) return;
          const cut = errors.length - (MAX_ERRORS - 1);
          response.body.singleResult.errors = [
            ...errors.slice(0, MAX_ERRORS - 1),
            { message: `…and ${cut} more errors.`, extensions: errors[MAX_ERRORS - 1].extensions },
          ];
        },
      };
    },
  };
}

/**
 * At most `limit` aliases per operation, every alias counted: of `__typename` too, and fields
 * aliased as `__typename` (graphql-armor's rule lets both through).
 */
function maxAliasesRule(limit: number): ValidationRule {
  return (context) => {
    const fragments = fragmentsOf(context.getDocument());
    return {
      OperationDefinition(node) {
        let aliases = 0;
        walkFields(node.selectionSet, fragments, true, (field) => {
          if (field.alias) aliases += 1;
          return true;
        });
        if (aliases > limit) {
          context.reportError(
            new GraphQLError(`The operation has ${aliases} aliases; the limit is ${limit}.`, { nodes: [node] }),
          );
        }
      },
    };
  };
}

/**
 * graphql-armor's depth and directive rules, our alias rule, the operation types this endpoint
 * runs, graphql-js's token limit, and the input caps and cost limit: all apply before any Cypher
 * runs. (Suggestions are hidden in production by formatError, for every message that has one.)
 */
export function queryLimits(limits: QueryLimits, chargeCost?: CostCharge) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.depth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { enabled: false },
    maxDirectives: { n: limits.directives },
    // graphql-armor's token plugin throws from a parsing hook, which Apollo Server 5 answers with a
    // 500; graphql-js's own parser limit (parseOptions below) answers a 400.
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: false },
  }).protect();
  return {
    parseOptions: { maxTokens: limits.tokens },
    validationRules: [
      ...armor.validationRules,
      maxAliasesRule(limits.aliases),
      introspectionBounds,
      supportedOperationTypes,
    ],
    plugins: [...armor.plugins, operationLimitsPlugin(limits, chargeCost), errorCapPlugin()],
  };
}
