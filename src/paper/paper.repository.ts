import { composedCypher, cypher, type Cypher } from '../db/cypher';
import type { Db } from '../db/gateway';
import { firstPerKey, groupByKey, readManyPerKey, readOnePerKey } from '../db/keyed-read';
import { keysetCondition, orderClause, type KeysetRow } from '../graphql/keyset';
import type { Cursor } from '../graphql/paging';
import { datasetHoldsPaper, datasetPapers } from '../dataset/dataset.repository';
import { PAPER_ORDERS, type DateWalk, type PaperFilter, type PaperOrder } from './paper-filter';
import type { Paper } from './paper.type';

/** The properties of a paper the API returns, projected from the variable `p`. */
export function paperProjection(p: string): string {
  return `${p} { .id, .title, .abstract, .arxivId, .urlAbs, .urlPdf, .publishedAt, .proceeding }`;
}

export const PAPER_PROJECTION = paperProjection('p');

/** What a list of papers hangs off: all papers, or the papers of one task, author, method or dataset. */
export type PaperScope = 'all' | 'task' | 'author' | 'method' | 'dataset';

/** The scopes that are one node: its label and the relationship from it to its papers. */
const NODE_SCOPES = {
  task: { label: 'Task', toPapers: '<-[:HAS_TASK]-' },
  author: { label: 'Author', toPapers: '-[:AUTHORED]->' },
  method: { label: 'Method', toPapers: '<-[:USES_METHOD]-' },
} as const;

/** Whether paper `p` belongs to the node scope whose id is `id` (a parameter or variable). */
function paperIn(scope: keyof typeof NODE_SCOPES, id: string): string {
  const { label, toPapers } = NODE_SCOPES[scope];
  return `EXISTS { (n:${label})${toPapers}(p) WHERE n.id = ${id} }`;
}

/** How a scope reaches its papers `p` from `req.scope` (the scope's id). */
function scopeMatch(scope: PaperScope): string {
  if (scope === 'all') return 'MATCH (p:Paper)';
  if (scope === 'dataset') return `MATCH (d:Dataset {id: req.scope})\n  CALL (d) { ${datasetPapers('d')} }`;
  const { label, toPapers } = NODE_SCOPES[scope];
  return `MATCH (:${label} {id: req.scope})${toPapers}(p:Paper)`;
}

/** How many papers a scope holds when no filter narrows it (degrees, not scans, where the graph allows). */
function scopeSize(scope: PaperScope): string {
  if (scope === 'all' || scope === 'dataset') return `${scopeMatch(scope)} RETURN count(p) AS total`;
  const { label, toPapers } = NODE_SCOPES[scope];
  return `MATCH (s:${label} {id: req.scope}) RETURN COUNT { (s)${toPapers}() } AS total`;
}

/**
 * Scopes with more papers than this are not sorted when listed by date: the `publishedAt` index
 * is walked from the cursor, keeping the papers in the scope, which costs about
 * page size × (all papers / scope size) index entries instead of a sort of the whole scope.
 */
export const HUB_SIZE = 5000;

/**
 * For the scopes whose date-ordered pages may walk the index: the clause that binds the scope's
 * size as `size`, and whether a paper `p` met on the index is in the scope. Null for datasets,
 * whose paper lists are small enough to sort.
 */
function walkableScope(scope: PaperScope): { size: string; holdsPaper: string } | null {
  if (scope === 'all') return { size: 'WITH req, $hubSize + 1 AS size', holdsPaper: 'true' };
  if (scope === 'dataset') return null;
  const { label, toPapers } = NODE_SCOPES[scope];
  return {
    size: `OPTIONAL MATCH (s:${label} {id: req.scope})\n  WITH req, COUNT { (s)${toPapers}() } AS size`,
    holdsPaper: paperIn(scope, 'req.scope'),
  };
}

type FilterKey = keyof PaperFilter;

/** Each filter condition as Cypher over `p`, reading its value from `$filter`. */
const FILTER_CONDITION: Record<FilterKey, string> = {
  task: paperIn('task', '$filter.task'),
  author: paperIn('author', '$filter.author'),
  method: paperIn('method', '$filter.method'),
  dataset: datasetHoldsPaper('p', '(:Dataset {id: $filter.dataset})'),
  yearFrom: 'p.publishedAt >= date({year: $filter.yearFrom})',
  yearTo: 'p.publishedAt < date({year: $filter.yearTo + 1})',
  hasCode: 'EXISTS { (p)-[:HAS_CODE]->() } = $filter.hasCode',
};

/** A filter's entity conditions, in the order a list is best started from (the most selective first). */
const SCOPE_BY_FILTER: [FilterKey & PaperScope, PaperScope][] = [
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

/** One list of a batch: the scope's id (null for all papers) and the cursor to read after. */
export interface PaperListRequest {
  key: string;
  scope: string | null;
  after: Pick<Cursor, 'key' | 'id'> | null;
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

function givenFilters(filter: PaperFilter): FilterKey[] {
  return (Object.keys(FILTER_CONDITION) as FilterKey[]).filter(
    (key) => filter[key] !== null && filter[key] !== undefined,
  );
}

function conditions(filter: PaperFilter): string[] {
  return givenFilters(filter).map((key) => FILTER_CONDITION[key]);
}

function whereClause(filter: PaperFilter): string {
  const given = conditions(filter);
  return given.length ? `WITH p WHERE ${given.join(' AND ')}` : '';
}

/** Sorting the scope's papers: the plan for small scopes and for orders without an index. */
function sortedPage(list: PaperListQuery): string {
  const spec = PAPER_ORDERS[list.order];
  return `${scopeMatch(list.scope)}
  ${whereClause(list.filter)}
  WITH p, ${spec.key} AS sortKey
  WHERE ${keysetCondition(spec, 'sortKey', 'p.id', 'req.after')}
  RETURN p, sortKey ${orderClause(spec, 'sortKey', 'p.id')}
  LIMIT $limit`;
}

/**
 * A date-ordered page that sorts small scopes and walks the date index for large ones (see
 * HUB_SIZE); in a large scope the undated papers, which come last, are read only once the dated
 * ones run out.
 */
function walkedPage(list: PaperListQuery, walk: DateWalk, scope: { size: string; holdsPaper: string }): string {
  const spec = PAPER_ORDERS[list.order];
  const bound = spec.direction === 'DESC' ? '<=' : '>=';
  const filters = conditions(list.filter)
    .map((condition) => ` AND ${condition}`)
    .join('');
  return `${scope.size}
  OPTIONAL CALL (req, size) {
    WITH req, size WHERE size <= $hubSize
    CALL (req) {
      ${sortedPage(list)}
    }
    RETURN p, sortKey
    UNION ALL
    WITH req, size WHERE size > $hubSize
    CALL (req) {
      MATCH (p:Paper) USING INDEX p:Paper(publishedAt)
      WHERE p.publishedAt ${bound} date(coalesce(req.after.key, ${walk.start})) AND ${scope.holdsPaper}${filters}
      WITH p WHERE ${keysetCondition(spec, 'p.publishedAt', 'p.id', 'req.after')}
      RETURN p ${orderClause(spec, 'p.publishedAt', 'p.id')}
      LIMIT $limit
    }
    RETURN p, p.publishedAt AS sortKey
  }
  WITH req, size, collect(CASE WHEN p IS NULL THEN null ELSE { p: p, sortKey: sortKey } END) AS found
  OPTIONAL CALL (req, size, found) {
    WITH req, size, found WHERE size > $hubSize AND size(found) < $limit
    CALL (req) {
      ${scopeMatch(list.scope)}
      WITH p WHERE p.publishedAt IS NULL${filters}
        AND (req.after IS NULL OR req.after.key <> ${walk.undated} OR p.id > req.after.id)
      RETURN p ORDER BY p.id LIMIT $limit
    }
    RETURN collect({ p: p, sortKey: date(${walk.undated}) }) AS undated
  }
  UNWIND (found + coalesce(undated, []))[..$limit] AS row
  RETURN row.p AS p, row.sortKey AS sortKey`;
}

function pageStatement(list: PaperListQuery): Cypher {
  const { walk } = PAPER_ORDERS[list.order];
  const scope = walkableScope(list.scope);
  const shape = `${list.scope}|${list.order}|${givenFilters(list.filter).join(',')}`;
  return composedCypher(
    `paper.page.${list.scope}`,
    shape,
    () => `
UNWIND $requests AS req
CALL (req) {
  ${walk && scope ? walkedPage(list, walk, scope) : sortedPage(list)}
}
RETURN req.key AS key, { node: ${PAPER_PROJECTION}, sortKey: sortKey } AS value`,
  );
}

function countStatement(list: Omit<PaperListQuery, 'order' | 'limit'>): Cypher {
  const filters = givenFilters(list.filter);
  return composedCypher(`paper.count.${list.scope}`, `${list.scope}|${filters.join(',')}`, () => {
    const count = filters.length
      ? `${scopeMatch(list.scope)}\n  ${whereClause(list.filter)}\n  RETURN count(p) AS total`
      : scopeSize(list.scope);
    return `UNWIND $requests AS req\nCALL (req) {\n  ${count}\n}\nRETURN req.key AS key, total AS value`;
  });
}

const PAPERS_BY_ID = cypher(
  'paper.byIds',
  `
UNWIND $ids AS id
MATCH (p:Paper {id: id})
RETURN id AS key, ${PAPER_PROJECTION} AS value
`,
);

/** A paper reached from another node by one relationship: `(:<from> {<key>: id})<pattern>(p:Paper)`. */
function papersVia(name: string, pattern: string): ReturnType<typeof cypher> {
  return cypher(
    name,
    `
UNWIND $ids AS id
MATCH ${pattern}
WITH id, p ORDER BY id, p.publishedAt DESC, p.id
${firstPerKey('p')}
RETURN id AS key, ${PAPER_PROJECTION} AS value
`,
  );
}

const INTRODUCED_DATASETS = papersVia('paper.introducingDatasets', '(:Dataset {id: id})-[:INTRODUCED_IN]->(p:Paper)');
const INTRODUCED_METHODS = papersVia('paper.introducingMethods', '(:Method {id: id})-[:INTRODUCED_IN]->(p:Paper)');
const OF_RESULTS = papersVia('paper.ofResults', '(:Result {id: id})-[:FROM_PAPER]->(p:Paper)');
const OF_REPOSITORIES = papersVia('paper.ofRepositories', '(:Repository {url: id})<-[:HAS_CODE]-(p:Paper)');

export class PaperRepository {
  constructor(private readonly db: Db) {}

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
  async pages(list: PaperListQuery, requests: PaperListRequest[]): Promise<Map<string, KeysetRow<Paper>[]>> {
    const rows = await this.db.readKeyed<KeysetRow<Paper>>(pageStatement(list), {
      requests,
      filter: list.filter,
      limit: list.limit,
      hubSize: HUB_SIZE,
    });
    return groupByKey(rows);
  }

  async counts(list: Omit<PaperListQuery, 'order' | 'limit'>, requests: Omit<PaperListRequest, 'after'>[]) {
    const rows = await this.db.readKeyed<number>(countStatement(list), {
      requests,
      filter: list.filter,
    });
    return new Map(rows.map((row) => [row.key, row.value]));
  }
}
