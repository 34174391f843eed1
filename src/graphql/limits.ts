import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { getNullableType, isListType, type GraphQLSchema } from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { AppError, ErrorCode } from '../errors';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './paging';

/** The most errors one response lists; a flood of validation errors is cut to these and a count. */
export const MAX_ERRORS = 10;

/** What a request may ask for (config: QUERY_MAX_*). */
export interface QueryLimits {
  depth: number;
  aliases: number;
  directives: number;
  tokens: number;
  cost: number;
}

/** How many items a list without a `first` argument (a paper's authors, a result's values) is taken to hold. */
export const UNBOUNDED_LIST_ESTIMATE = 10;

/**
 * The cost of a field: 1, plus its children once per item it returns: `first` items for a paged
 * list or connection (20 when absent, the variables applied), UNBOUNDED_LIST_ESTIMATE for another
 * list, one for an object or a connection's edges and nodes.
 */
export const pageSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  // A connection's edges and nodes are its page: already counted by the connection's `first`.
  if (type.name.endsWith('Connection')) return 1 + childComplexity;
  const pages = field.args.some((argument) => argument.name === 'first');
  // A `first` outside 1..100 counts as the nearest valid size: the field itself refuses it with a
  // BAD_USER_INPUT error that says the limit, which helps more than a cost error.
  const items = pages
    ? Math.min(Math.max(Number(args.first ?? DEFAULT_PAGE_SIZE) || 1, 1), MAX_PAGE_SIZE)
    : isListType(getNullableType(field.type))
      ? UNBOUNDED_LIST_ESTIMATE
      : 1;
  return 1 + items * childComplexity;
};

/** The cost of an operation under pageSizeEstimator. */
export function operationCost(
  schema: GraphQLSchema,
  query: Parameters<typeof getComplexity>[0]['query'],
  variables: Record<string, unknown> | undefined,
  operationName?: string,
): number {
  return getComplexity({ schema, query, variables, operationName, estimators: [pageSizeEstimator] });
}

/** Refuses, before any resolver runs, an operation whose cost is over the limit. */
function costLimitPlugin(limit: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operationName }) {
          let cost: number;
          try {
            cost = operationCost(schema, document, request.variables, operationName ?? undefined);
          } catch {
            // Variables that do not fit the operation: execution refuses them with a 400 of its own.
            return;
          }
          if (cost > limit) {
            throw new AppError(
              ErrorCode.QueryTooComplex,
              `The query would cost ${cost}, over the limit of ${limit}: ask for fewer items per list (first) or fewer nested lists.`,
              { details: { cost, limit, http: { status: 400 } } },
            );
          }
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
 * graphql-armor's validation rules (depth, aliases, directives; field suggestions hidden in
 * production), graphql-js's token limit and the page-size cost limit: all apply before any
 * Cypher runs.
 */
export function queryLimits(limits: QueryLimits, production: boolean) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.depth, ignoreIntrospection: true, flattenFragments: true },
    maxAliases: { n: limits.aliases },
    maxDirectives: { n: limits.directives },
    // graphql-armor's token plugin throws from a parsing hook, which Apollo Server 5 answers with a
    // 500; graphql-js's own parser limit (parseOptions below) answers a 400.
    maxTokens: { enabled: false },
    costLimit: { enabled: false },
    blockFieldSuggestion: { enabled: production },
  }).protect();
  return {
    parseOptions: { maxTokens: limits.tokens },
    validationRules: armor.validationRules,
    plugins: [...armor.plugins, costLimitPlugin(limits.cost), errorCapPlugin()],
  };
}
