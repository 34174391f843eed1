import type { Logger } from '../logger';
import { cypher, type Cypher } from './cypher';
import type { GraphWriter } from './gateway';
import { datasetPapers, paperDataset, PAPERS_OF } from './graph-vocabulary';
import { HUB_SIZE, scopeMatch, type PaperScope } from './paper-scopes';

/**
 * Facets of paper lists: how a list's papers spread over publication years, the frameworks of
 * their code repositories and their tasks, and how many have code. Counted per request for
 * filtered lists and small scopes; stored for the hub scopes (more than HUB_SIZE papers, unfiltered),
 * where counting would read tens of thousands of papers: `PaperFacets` nodes, one per hub scope,
 * written at the end of an import and by the start-up migration of a graph that lacks them.
 */

/** The facets of a paper list. */
export type FacetKind = 'years' | 'frameworks' | 'tasks' | 'withCode';

/** The most tasks a list's task facet returns (and a stored one keeps). */
export const MAX_FACET_TASKS = 100;

/**
 * Per facet: the Cypher over the papers `p` of one list that aggregates them as the facet's
 * value `<kind>` (`limit`: how many tasks, an input's expression). The lists are in the facet's
 * order: years from the earliest, frameworks and tasks by count (then by value). Undated papers
 * have no year; a paper counts once per framework, however many of its repositories use it.
 */
export const FACET_OF: Record<FacetKind, (limit: string) => string> = {
  years: () => `WITH p.publishedAt.year AS year WHERE year IS NOT NULL
  WITH year, count(*) AS count ORDER BY year
  RETURN collect({ value: toString(year), name: null, count: count }) AS years`,
  frameworks: () => `MATCH (p)-[c:HAS_CODE]->() WHERE c.framework IS NOT NULL
  WITH DISTINCT p, c.framework AS framework
  WITH framework, count(*) AS count ORDER BY count DESC, framework
  RETURN collect({ value: framework, name: null, count: count }) AS frameworks`,
  tasks: (limit) => `MATCH (p)-[:HAS_TASK]->(t:Task)
  WITH t, count(*) AS count ORDER BY count DESC, t.id LIMIT ${limit}
  RETURN collect({ value: t.id, name: t.name, count: count }) AS tasks`,
  withCode: () => `WITH p WHERE EXISTS { (p)-[:HAS_CODE]->() }
  RETURN count(p) AS withCode`,
};

export const FACET_KINDS = Object.keys(FACET_OF) as FacetKind[];

/** The scopes that hang off one node of a label (a task's, a method's, an author's papers). */
const NODE_SCOPES = Object.keys(PAPERS_OF) as (keyof typeof PAPERS_OF)[];

/** The key of a scope's stored facets: `all:` or e.g. `task:image-generation`. */
export function storedFacetsKey(scope: PaperScope, scopeId: string | null): string {
  return `${scope}:${scopeId ?? ''}`;
}

/** The hub scopes of the graph: every scope with more than $hubSize papers, as `scope` and `id`. */
const HUB_SCOPES = cypher(
  'facets.hubScopes',
  `
CALL () {
  MATCH (p:Paper) WITH count(p) AS papers WHERE papers > $hubSize
  RETURN 'all' AS scope, null AS id
  ${NODE_SCOPES.map((scope) => {
    const { label, toPapers } = PAPERS_OF[scope];
    return `UNION ALL
  MATCH (s:${label}) WHERE COUNT { (s)${toPapers}() } > $hubSize
  RETURN '${scope}' AS scope, s.id AS id`;
  }).join('\n  ')}
  UNION ALL
  MATCH (d:Dataset) WHERE COUNT { ${datasetPapers('d')} } > $hubSize
  RETURN 'dataset' AS scope, d.id AS id
}
RETURN scope, id ORDER BY scope = 'all', scope, id`,
);

const storeStatements = new Map<PaperScope, Cypher>();

/** The statement that counts one hub scope's facets (the scope's id: $scope) and stores them under $key. */
function storeFacets(scope: PaperScope): Cypher {
  let statement = storeStatements.get(scope);
  if (!statement) {
    const facets = FACET_KINDS.map(
      (kind) => `CALL (req) {
  ${scopeMatch(scope)}
  ${FACET_OF[kind]('$maxTasks')}
}`,
    ).join('\n');
    statement = cypher(
      `facets.store.${scope}`,
      `
WITH { scope: $scope } AS req
${facets}
MERGE (f:PaperFacets { key: $key })
SET f.yearValues = [y IN years | y.value], f.yearCounts = [y IN years | y.count],
  f.frameworkValues = [x IN frameworks | x.value], f.frameworkCounts = [x IN frameworks | x.count],
  f.taskIds = [t IN tasks | t.value], f.taskNames = [t IN tasks | t.name], f.taskCounts = [t IN tasks | t.count],
  f.withCode = withCode
RETURN f.key AS key`,
    );
    storeStatements.set(scope, statement);
  }
  return statement;
}

/** Counts and stores one scope's facets; its key. */
async function storeScopeFacets(db: GraphWriter, scope: PaperScope, id: string | null): Promise<string> {
  const key = storedFacetsKey(scope, id);
  await db.write(storeFacets(scope), { scope: id, key, maxTasks: MAX_FACET_TASKS });
  return key;
}

const DROP_STALE = cypher(
  'facets.dropStale',
  `MATCH (f:PaperFacets) WHERE NOT f.key IN $keys DELETE f RETURN count(f) AS dropped`,
);

/**
 * Counts and stores the facets of every hub scope, and drops those of scopes that are no longer
 * hubs: run at the end of an import, when papers, tasks or code links may have changed. Each
 * scope is its own transaction, so readers see a scope's old facets or its new ones.
 */
export async function storePaperFacets(db: GraphWriter, log?: Logger, hubSize = HUB_SIZE): Promise<number> {
  const hubs = await db.query<{ scope: PaperScope; id: string | null }>(HUB_SCOPES, { hubSize });
  const keys: string[] = [];
  for (const { scope, id } of hubs) {
    keys.push(await storeScopeFacets(db, scope, id));
  }
  await db.write(DROP_STALE, { keys });
  if (keys.length) log?.info({ scopes: keys.length }, 'paper facets stored for hub scopes');
  return keys.length;
}

/** The scopes holding paper $paper whose facets are stored. */
const STORED_SCOPES_OF_PAPER = cypher(
  'facets.storedScopesOfPaper',
  `
MATCH (p:Paper {id: $paper})
WITH [{ scope: 'all', id: null }]
  ${NODE_SCOPES.map((scope) => {
    const { label, toPapers } = PAPERS_OF[scope];
    return `+ [(s:${label})${toPapers}(p) | { scope: '${scope}', id: s.id }]`;
  }).join('\n  ')}
  ${paperDataset('p', 'd:Dataset')
    .map((path) => `+ [${path} | { scope: 'dataset', id: d.id }]`)
    .join('\n  ')} AS scopes
UNWIND scopes AS held
WITH DISTINCT held
WHERE EXISTS { (:PaperFacets { key: held.scope + ':' + coalesce(held.id, '') }) }
RETURN held.scope AS scope, held.id AS id`,
);

/**
 * Counts again the stored facets of the hub scopes that hold a paper (all papers, its tasks,
 * methods, authors and datasets): after a write that changed the paper's code links or
 * datasets, so that hub lists do not wait for the next import to show it.
 */
export async function refreshPaperFacetsOf(db: GraphWriter, paperId: string): Promise<void> {
  const scopes = await db.query<{ scope: PaperScope; id: string | null }>(STORED_SCOPES_OF_PAPER, { paper: paperId });
  for (const { scope, id } of scopes) {
    await storeScopeFacets(db, scope, id);
  }
}

const HAS_STORED_FACETS = cypher(
  'facets.present',
  `
OPTIONAL MATCH (f:PaperFacets { key: 'all:' })
RETURN f IS NOT NULL OR COUNT { (:Paper) } <= $hubSize AS present`,
);

/** Stores the facets of a graph imported before they were stored (all papers a hub, none stored). */
export async function ensurePaperFacets(db: GraphWriter, log: Logger, hubSize = HUB_SIZE): Promise<void> {
  const [row] = await db.query<{ present: boolean }>(HAS_STORED_FACETS, { hubSize });
  if (!row?.present) await storePaperFacets(db, log, hubSize);
}
