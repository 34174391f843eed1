import type { ApolloServerPlugin } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  getNamedType,
  getNullableType,
  isEnumType,
  type GraphQLField,
  getVariableValues,
  GraphQLError,
  isListType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { AppError, ErrorCode } from '../errors';
import { checkInputCaps } from './input-caps';
import { supportedOperationTypes } from './operation-types';
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
 * How many index queries a search field runs: one per type it searches (its `types` argument, an
 * enum list; all of the enum's values when absent). 1 for any other field.
 */
function indexQueries(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number {
  const types = field.args.find((argument) => argument.name === 'types');
  const named = types && getNamedType(types.type);
  if (!isEnumType(named)) return 1;
  const given = Array.isArray(args.types) ? new Set(args.types).size : 0;
  return given || named.getValues().length;
}

/**
 * The cost of a field: 1, plus its children once per item it returns: `first` items for a paged
 * list or connection (20 when absent, the variables applied) times the index queries behind it (a
 * search of five types reads five result lists), UNBOUNDED_LIST_ESTIMATE for another list, one
 * for an object or a connection's edges and nodes.
 */
export const pageSizeEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  // A connection's edges and nodes are its page: already counted by the connection's `first`.
  if (type.name.endsWith('Connection')) return 1 + childComplexity;
  const pages = field.args.some((argument) => argument.name === 'first');
  // A `first` outside 1..100 counts as the nearest valid size: the field itself refuses it with a
  // BAD_USER_INPUT error that says the limit, which helps more than a cost error.
  const items = pages
    ? Math.min(Math.max(Number(args.first ?? DEFAULT_PAGE_SIZE) || 1, 1), MAX_PAGE_SIZE) * indexQueries(field, args)
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

/**
 * Refuses, before any resolver runs, an operation whose arguments are longer than their caps
 * (input-caps.ts) or whose cost is over the limit; both read the variables as execution will.
 */
function operationLimitsPlugin(limit: number): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema, operation, operationName }) {
          const coerced = getVariableValues(schema, operation?.variableDefinitions ?? [], request.variables ?? {});
          // Variables that do not fit the operation: execution refuses them with a 400 of its own.
          if (coerced.errors) return;
          checkInputCaps(schema, document, operationName, coerced.coerced);
          const cost = operationCost(schema, document, coerced.coerced, operationName ?? undefined);
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

/** The aliases a selection set holds, its fragments expanded as often as they are spread. */
function aliasesIn(
  selectionSet: SelectionSetNode | undefined,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  visiting: Set<string>,
): number {
  let count = 0;
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      count += (selection.alias ? 1 : 0) + aliasesIn(selection.selectionSet, fragments, visiting);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += aliasesIn(selection.selectionSet, fragments, visiting);
    } else if (!visiting.has(selection.name.value)) {
      // A cycle of fragments is refused by graphql-js's own rule; it must not loop here.
      visiting.add(selection.name.value);
      count += aliasesIn(fragments.get(selection.name.value)?.selectionSet, fragments, visiting);
      visiting.delete(selection.name.value);
    }
  }
  return count;
}

/**
 * At most `limit` aliases per operation, every alias counted: of `__typename` too, and fields
 * aliased as `__typename` (graphql-armor's rule lets both through).
 */
function maxAliasesRule(limit: number): ValidationRule {
  return (context) => {
    const fragments = new Map(
      context
        .getDocument()
        .definitions.filter(
          (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
        )
        .map((fragment) => [fragment.name.value, fragment]),
    );
    return {
      OperationDefinition(node) {
        const aliases = aliasesIn(node.selectionSet, fragments, new Set());
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
export function queryLimits(limits: QueryLimits) {
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
    validationRules: [...armor.validationRules, maxAliasesRule(limits.aliases), supportedOperationTypes],
    plugins: [...armor.plugins, operationLimitsPlugin(limits.cost), errorCapPlugin()],
  };
}
