import {
  getNamedType,
  getNullableType,
  isEnumType,
  isListType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { getComplexity, type ComplexityEstimator } from 'graphql-query-complexity';
import { MAX_COMPARED, MAX_COMPARISONS } from '../compare/compare.type';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './paging';

/**
 * How many items the lists without a `first` argument hold, by `Type.field`: the 99th percentile
 * of their sizes on the full-size graph (576,261 papers, measured by `npm run bench:degrees`), so that
 * a query's cost bounds what it can return for 99 parents in 100. `sotaHistory` reads every row of
 * its leaderboard, so it is priced by the rows (p99 90), not by the steps it returns. A test fails
 * when a list of objects is missing here: every new list is priced on purpose.
 */
export const LIST_SIZES: Readonly<Record<string, number>> = {
  'Paper.authors': 46,
  'Paper.tasks': 13,
  'Paper.methods': 10,
  'Paper.repositories': 4,
  'Paper.codeLinks': 4,
  'Paper.results': 2,
  'Paper.datasets': 2,
  'Task.areas': 2,
  'Method.collections': 2,
  'Leaderboard.metrics': 6,
  'Leaderboard.sotaHistory': 90,
  'Result.values': 6,
  // The reasons of a related paper are the links it shares with the source: a handful.
  'RelatedPaper.reasons': 10,
  'Query.areas': 20,
  // compare answers at most MAX_COMPARISONS, each with one entry per paper asked.
  'Query.compare': MAX_COMPARISONS,
  'Comparison.entries': MAX_COMPARED,
  // A facet has a count per publication year (the archive spans about 40) and per framework (a dozen).
  'PaperFacets.years': 40,
  'PaperFacets.frameworks': 12,
};

/**
 * What a facet of a paper list reads when it is counted: up to every paper of the filtered list.
 * Priced as ten full pages, so that one list's facets are cheap and facets under a page of
 * parents (the papers of 100 tasks, each with its facets) stay under the cost limit's reach.
 */
const FACET_READS = 1000;

/**
 * Fields that read more than the items they return: how many rows they read (p99, as LIST_SIZES).
 * `lastSotaAt` reads every row of its leaderboard, like `sotaHistory`; facets, see FACET_READS.
 */
export const FIELD_READS: Readonly<Record<string, number>> = {
  'Leaderboard.lastSotaAt': LIST_SIZES['Leaderboard.sotaHistory'],
  'PaperFacets.years': FACET_READS,
  'PaperFacets.frameworks': FACET_READS,
  'PaperFacets.tasks': FACET_READS,
  'PaperFacets.withCode': FACET_READS,
};

/** How many items a list asked for by `ids` returns: one per id (the input caps bound them). */
function idsAsked(field: GraphQLField<unknown, unknown>, args: Record<string, unknown>): number | null {
  if (!field.args.some((argument) => argument.name === 'ids')) return null;
  return Array.isArray(args.ids) ? args.ids.length : 1;
}

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

/** The fields of a connection that are its page: priced once per item, the others once per list. */
const PAGE_FIELDS = new Set(['edges', 'nodes']);

/**
 * What one operation's estimate remembers: the fragments of its document, and the cost of each
 * list-level field of a connection (totalCount, pageInfo, facets) by its node in the document.
 */
interface CostWalk {
  fragments: Map<string, FragmentDefinitionNode>;
  listLevel: WeakMap<FieldNode, number>;
}

/** The summed cost of the list-level fields a connection field selects (through inline fragments and spreads). */
function listLevelCost(selections: SelectionSetNode | undefined, walk: CostWalk): number {
  let total = 0;
  for (const selection of selections?.selections ?? []) {
    if (selection.kind === Kind.FIELD) total += walk.listLevel.get(selection) ?? 0;
    else if (selection.kind === Kind.INLINE_FRAGMENT) total += listLevelCost(selection.selectionSet, walk);
    else total += listLevelCost(walk.fragments.get(selection.name.value)?.selectionSet, walk);
  }
  return total;
}

/**
 * The cost of a field (introspection aside: it costs 0): 1, plus its children once per item it can return: `first` items for a
 * paged list or connection (20 when absent, the variables applied) times the index queries behind
 * it (a search of five types reads five result lists), one per id for a list asked for by ids,
 * LIST_SIZES for another list, one for an object; a field that reads rows (FIELD_READS) costs
 * those rows instead of 1. Of a connection, the page (edges, nodes) counts per item and the
 * fields about the whole list (totalCount, facets) once.
 */
function pageSizeEstimator(walk: CostWalk): ComplexityEstimator {
  return ({ type, field, node, args, childComplexity }) => {
    // Introspection resolves from memory: it costs nothing here and is bounded by introspectionBounds.
    if (field.name.startsWith('__') || type.name.startsWith('__')) return 0;
    const name = `${type.name}.${field.name}`;
    if (type.name.endsWith('Connection')) {
      const cost = (FIELD_READS[name] ?? 1) + childComplexity;
      if (!PAGE_FIELDS.has(field.name)) walk.listLevel.set(node, cost);
      return cost;
    }
    const pages = field.args.some((argument) => argument.name === 'first');
    // A `first` outside 1..100 counts as the nearest valid size: the field itself refuses it with a
    // BAD_USER_INPUT error that says the limit, which helps more than a cost error.
    const items = pages
      ? Math.min(Math.max(Number(args.first ?? DEFAULT_PAGE_SIZE) || 1, 1), MAX_PAGE_SIZE) * indexQueries(field, args)
      : isListType(getNullableType(field.type))
        ? (idsAsked(field, args) ?? LIST_SIZES[name] ?? 1)
        : 1;
    const once = getNamedType(field.type).name.endsWith('Connection') ? listLevelCost(node.selectionSet, walk) : 0;
    return (FIELD_READS[name] ?? 1) + items * (childComplexity - once) + once;
  };
}

/** The least an operation costs: one that resolves from memory (introspection) still costs a request. */
export const MIN_OPERATION_COST = 1;

/** The cost of an operation under pageSizeEstimator, at least MIN_OPERATION_COST. */
export function operationCost(
  schema: GraphQLSchema,
  query: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName?: string,
): number {
  const walk: CostWalk = {
    fragments: new Map(
      query.definitions
        .filter((definition) => definition.kind === Kind.FRAGMENT_DEFINITION)
        .map((fragment) => [fragment.name.value, fragment]),
    ),
    listLevel: new WeakMap(),
  };
  const cost = getComplexity({ schema, query, variables, operationName, estimators: [pageSizeEstimator(walk)] });
  return Math.max(MIN_OPERATION_COST, cost);
}

/** The lists of objects without a `first` argument, as `Type.field` (each must be in LIST_SIZES). */
export function unpagedObjectLists(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap())
    .filter((type) => isObjectType(type) && !type.name.startsWith('__') && !type.name.endsWith('Connection'))
    .flatMap((type) =>
      Object.values((type as GraphQLObjectType).getFields())
        .filter(
          (field) =>
            isListType(getNullableType(field.type)) &&
            isObjectType(getNamedType(field.type)) &&
            !field.args.some((argument) => argument.name === 'first' || argument.name === 'ids'),
        )
        .map((field) => `${type.name}.${field.name}`),
    );
}
