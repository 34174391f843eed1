import { readStatement, type InputRefs } from '../db/cypher';
import type { GraphReader } from '../db/gateway';
import { PAPER_PROJECTION, PAPERS_OF } from '../db/graph-vocabulary';
import { filterConditions, givenFilters, HUB_SIZE, paperIn, scopeMatch, type PaperScope } from '../db/paper-scopes';
import { firstPerKey, readManyPerKey, readOnePerKey } from '../db/keyed-read';
import { keysetCondition, orderClause, type KeysetRow, type SortSpec } from '../db/keyset';
import {
  countStatement,
  pageStatement,
  readCounts,
  readPages,
  sortedPage,
  whereClause,
  type ListInputs,
  type ListRequest,
} from '../db/keyset-list';
import { PaperOrder, type PaperFilter } from './paper-filter';
import type { Paper } from './paper.type';

/**
 * How a date order can walk the `publishedAt` index instead of sorting a large scope: the dated
 * papers in index order from the cursor on, then the undated ones (whose sort key is `undated`).
 */
interface DateWalk {
  start: string;
  undated: string;
}

/** Sort keys of paper lists, by order: the only sort expressions that reach Cypher. */
export const PAPER_ORDERS: Record<PaperOrder, SortSpec & { walk?: DateWalk }> = {
  [PaperOrder.PUBLISHED_DESC]: {
    key: "coalesce(p.publishedAt, date('0001-01-01'))",
    direction: 'DESC',
    keyType: 'date',
    walk: { start: "'9999-12-31'", undated: "'0001-01-01'" },
  },
  [PaperOrder.PUBLISHED_ASC]: {
    key: "coalesce(p.publishedAt, date('9999-12-31'))",
    direction: 'ASC',
    keyType: 'date',
    walk: { start: "'0001-01-01'", undated: "'9999-12-31'" },
  },
  [PaperOrder.TITLE_ASC]: {
    key: "coalesce(toLower(p.title), '\\uffff')",
    direction: 'ASC',
    keyType: 'text',
  },
};

/** How many papers a scope holds when no filter narrows it (degrees, not scans, where the graph allows). */
function scopeSize(scope: PaperScope): string {
  if (scope === 'all' || scope === 'dataset') return `${scopeMatch(scope)} RETURN count(p) AS total`;
  const { label, toPapers } = PAPERS_OF[scope];
  return `MATCH (s:${label} {id: req.scope}) RETURN COUNT { (s)${toPapers}() } AS total`;
}

/** What a page of papers reads besides the lists: the hub size (see HUB_SIZE). */
type PaperPageInputs = ListInputs & { hubSize: number };

/**
 * For the scopes whose date-ordered pages may walk the index: the clause that binds the scope's
 * size as `size`, and whether a paper `p` met on the index is in the scope. Null for datasets,
 * whose paper lists are small enough to sort.
 */
function walkableScope($: InputRefs<PaperPageInputs>, scope: PaperScope): { size: string; holdsPaper: string } | null {
  if (scope === 'all') return { size: `WITH req, ${$.hubSize} + 1 AS size`, holdsPaper: 'true' };
  if (scope === 'dataset') return null;
  const { label, toPapers } = PAPERS_OF[scope];
  return {
    size: `OPTIONAL MATCH (s:${label} {id: req.scope})\n  WITH req, COUNT { (s)${toPapers}() } AS size`,
    holdsPaper: paperIn(scope, 'req.scope'),
  };
}

/** A filter's entity conditions, in the order a list is best started from (the most selective first). */
const SCOPE_BY_FILTER: [keyof PaperFilter & PaperScope, PaperScope][] = [
  ['author', 'author'],
  ['dataset', 'dataset'],
  ['method', 'method'],
  ['task', 'task'],
];

export interface PaperListQuery {
  scope: PaperScope;
  filter: PaperFilter;
  order: PaperOrder;
  limit: number;
}

/**
 * For `papers(filter:)` at the root: the list starts from the most selective entity the filter
 * names, and that condition is then the scope rather than a filter.
 */
export function rootPaperList(filter: PaperFilter): { scope: PaperScope; scopeId: string | null; filter: PaperFilter } {
  for (const [key, scope] of SCOPE_BY_FILTER) {
    const id = filter[key];
    if (id !== null && id !== undefined) return { scope, scopeId: id, filter: { ...filter, [key]: null } };
  }
  return { scope: 'all', scopeId: null, filter };
}

function sorted($: InputRefs<ListInputs>, list: PaperListQuery): string {
  return sortedPage($, scopeMatch(list.scope), 'p', filterConditions($, list.filter), PAPER_ORDERS[list.order]);
}

/**
 * A date-ordered page that sorts small scopes and walks the date index for large ones (see
 * HUB_SIZE); in a large scope the undated papers, which come last, are read only once the dated
 * ones run out.
 */
function walkedPage(
  $: InputRefs<PaperPageInputs>,
  list: PaperListQuery,
  walk: DateWalk,
  scope: { size: string; holdsPaper: string },
): string {
  const spec = PAPER_ORDERS[list.order];
  const bound = spec.direction === 'DESC' ? '<=' : '>=';
  const filters = filterConditions($, list.filter)
    .map((condition) => ` AND ${condition}`)
    .join('');
  return `${scope.size}
  OPTIONAL CALL (req, size) {
    WITH req, size WHERE size <= ${$.hubSize}
    CALL (req) {
      ${sorted($, list)}
    }
    RETURN p, sortKey
    UNION ALL
    WITH req, size WHERE size > ${$.hubSize}
    CALL (req) {
      MATCH (p:Paper) USING INDEX p:Paper(publishedAt)
      WHERE p.publishedAt ${bound} date(coalesce(req.after.key, ${walk.start})) AND ${scope.holdsPaper}${filters}
      WITH p WHERE ${keysetCondition(spec, 'p.publishedAt', 'p.id', 'req.after')}
      RETURN p ${orderClause(spec, 'p.publishedAt', 'p.id')}
      LIMIT ${$.limit}
    }
    RETURN p, p.publishedAt AS sortKey
  }
  WITH req, size, collect(CASE WHEN p IS NULL THEN null ELSE { p: p, sortKey: sortKey } END) AS found
  OPTIONAL CALL (req, size, found) {
    WITH req, size, found WHERE size > ${$.hubSize} AND size(found) < ${$.limit}
    CALL (req) {
      ${scopeMatch(list.scope)}
      WITH p WHERE p.publishedAt IS NULL${filters}
        AND (req.after IS NULL OR req.after.key <> ${walk.undated} OR p.id > req.after.id)
      RETURN p ORDER BY p.id LIMIT ${$.limit}
    }
    RETURN collect({ p: p, sortKey: date(${walk.undated}) }) AS undated
  }
  UNWIND (found + coalesce(undated, []))[..${$.limit}] AS row
  RETURN row.p AS p, row.sortKey AS sortKey`;
}

function pageOf(list: PaperListQuery) {
  const { walk } = PAPER_ORDERS[list.order];
  const shape = `${list.scope}|${list.order}|${givenFilters(list.filter).join(',')}`;
  return pageStatement(`paper.page.${list.scope}`, shape, PAPER_PROJECTION, ($) => {
    const refs = $ as InputRefs<PaperPageInputs>;
    const scope = walkableScope(refs, list.scope);
    return walk && scope ? walkedPage(refs, list, walk, scope) : sorted($, list);
  });
}

function countOf(list: Omit<PaperListQuery, 'order' | 'limit'>) {
  const filters = givenFilters(list.filter);
  return countStatement(`paper.count.${list.scope}`, `${list.scope}|${filters.join(',')}`, ($) =>
    filters.length
      ? `${scopeMatch(list.scope)}\n  ${whereClause('p', filterConditions($, list.filter))}\n  RETURN count(p) AS total`
      : scopeSize(list.scope),
  );
}

const PAPERS_BY_ID = readStatement(
  'paper.byIds',
  ($) => `
UNWIND ${$.ids} AS id
MATCH (p:Paper {id: id})
RETURN id AS key, ${PAPER_PROJECTION} AS value
`,
);

/** A paper reached from another node by one relationship: `(:<from> {<key>: id})<pattern>(p:Paper)`. */
function papersVia(name: string, pattern: string) {
  return readStatement(
    name,
    ($) => `
UNWIND ${$.ids} AS id
MATCH ${pattern}
WITH id, p ORDER BY id, p.publishedAt DESC, p.id
${firstPerKey($.limit, 'p')}
RETURN id AS key, ${PAPER_PROJECTION} AS value
`,
  );
}

const INTRODUCED_DATASETS = papersVia('paper.introducingDatasets', '(:Dataset {id: id})-[:INTRODUCED_IN]->(p:Paper)');
const INTRODUCED_METHODS = papersVia('paper.introducingMethods', '(:Method {id: id})-[:INTRODUCED_IN]->(p:Paper)');
const OF_RESULTS = papersVia('paper.ofResults', '(:Result {id: id})-[:FROM_PAPER]->(p:Paper)');
const OF_REPOSITORIES = papersVia('paper.ofRepositories', '(:Repository {url: id})<-[:HAS_CODE]-(p:Paper)');

export class PaperRepository {
  constructor(private readonly db: GraphReader) {}

  byIds(ids: readonly string[]): Promise<Map<string, Paper>> {
    return readOnePerKey(this.db, PAPERS_BY_ID, ids);
  }

  /** The paper that introduced each dataset. */
  introducingDatasets(datasetIds: readonly string[]): Promise<Map<string, Paper>> {
    return readOnePerKey(this.db, INTRODUCED_DATASETS, datasetIds, { limit: 1 });
  }

  /** The paper that introduced each method. */
  introducingMethods(methodIds: readonly string[]): Promise<Map<string, Paper>> {
    return readOnePerKey(this.db, INTRODUCED_METHODS, methodIds, { limit: 1 });
  }

  /** The paper each leaderboard result comes from, when the graph holds it. */
  ofResults(resultIds: readonly string[]): Promise<Map<string, Paper>> {
    return readOnePerKey(this.db, OF_RESULTS, resultIds, { limit: 1 });
  }

  /** The `limit` newest papers each repository implements. */
  ofRepositories(urls: readonly string[], limit: number): Promise<Map<string, Paper[]>> {
    return readManyPerKey(this.db, OF_REPOSITORIES, urls, { limit });
  }

  /** One page per request, each read after its own cursor, `limit` rows at most (ask one more to see if others follow). */
  pages(list: PaperListQuery, requests: ListRequest[]): Promise<Map<string, KeysetRow<Paper>[]>> {
    return readPages<Paper>(this.db, pageOf(list), {
      requests,
      filter: list.filter,
      limit: list.limit,
      hubSize: HUB_SIZE,
    });
  }

  counts(list: Omit<PaperListQuery, 'order' | 'limit'>, requests: Omit<ListRequest, 'after'>[]) {
    return readCounts(this.db, countOf(list), { requests, filter: list.filter });
  }
}
