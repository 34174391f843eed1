/**
 * The graph's shared Cypher vocabulary: what the API returns of each kind of node (projections)
 * and the relations the graph stores as more than one path. Repositories compose their statements
 * from these and never from each other's text, so a change to the model is made here once.
 * Every function takes the variable names its fragment reads or binds.
 */

/** The properties of a paper the API returns, projected from `p`. */
export function paperProjection(p: string): string {
  return `${p} { .id, .title, .abstract, .arxivId, .urlAbs, .urlPdf, .publishedAt, .proceeding }`;
}

export const PAPER_PROJECTION = paperProjection('p');

export function authorProjection(a: string): string {
  return `${a} { .id, .name, paperCount: COUNT { (${a})-[:AUTHORED]->() } }`;
}

export function taskProjection(t: string): string {
  return `${t} { .id, .name, .description, paperCount: COUNT { (${t})<-[:HAS_TASK]-() } }`;
}

export function datasetProjection(d: string): string {
  return `${d} { .id, .name, .fullName, .description, .homepage, .introducedAt,
    modalities: coalesce(${d}.modalities, []), languages: coalesce(${d}.languages, []) }`;
}

export function methodProjection(m: string): string {
  return `${m} { .id, .name, .fullName, .description, .introducedYear, paperCount: COUNT { (${m})<-[:USES_METHOD]-() } }`;
}

export function leaderboardProjection(l: string): string {
  return `${l} { .id, .name,
  taskId: head(COLLECT { MATCH (${l})-[:FOR_TASK]->(t:Task) RETURN t.id }),
  datasetId: head(COLLECT { MATCH (${l})-[:ON_DATASET]->(d:Dataset) RETURN d.id }),
  resultCount: COUNT { (${l})<-[:ON_LEADERBOARD]-() },
  storedLastSotaAt: CASE WHEN ${l}.sotaComputed THEN [toString(${l}.lastSotaAt)] END }`;
}

export function metricProjection(x: string): string {
  return `${x} { .name, .direction, .directionSource }`;
}

/**
 * The metric of leaderboard `l` a client's name means (`asked`, an input; null: the leaderboard's
 * first metric): the one of that name, else the only one of that name in another case ("fid" for
 * "FID"). Null when there is none.
 */
export function measuredMetric(l: string, asked: string): string {
  return `CASE WHEN ${asked} IS NULL
    THEN head(COLLECT { MATCH (${l})-[m:MEASURES]->(mx:Metric) RETURN mx ORDER BY m.position })
    ELSE [ms IN [COLLECT { MATCH (${l})-[:MEASURES]->(mx:Metric) WHERE toLower(mx.name) = toLower(${asked}) RETURN mx }] |
      coalesce(head([m IN ms WHERE m.name = ${asked}]), CASE WHEN size(ms) = 1 THEN ms[0] END)][0]
  END`;
}

/**
 * The properties of a result `r` on leaderboard `l` the API returns; with `preloaded`, also what
 * its rows show with it (see resultDetails).
 */
export function resultProjection(preloaded?: string): string {
  return `r { .id, .modelName, .date, .paperTitle, leaderboardId: l.id,
  usesAdditionalData: coalesce(r.usesAdditionalData, false), codeLinks: coalesce(r.codeLinks, [])${
    preloaded ? `, preloaded: ${preloaded}` : ''
  } }`;
}

/**
 * What a list of results shows with each row (plus `more` entries), read in the same statement so
 * that the rows need no further round trip: the result's paper and its values in the
 * leaderboard's metric order. It reads `r` and `l`; its other variables are its own.
 */
export function resultDetails(more?: string): string {
  return `{
  paper: head(COLLECT { MATCH (r)-[:FROM_PAPER]->(rp:Paper) RETURN ${paperProjection('rp')} ORDER BY rp.publishedAt DESC, rp.id LIMIT 1 }),
  values: COLLECT { MATCH (r)-[rv:HAS_VALUE]->(rx:Metric) OPTIONAL MATCH (l)-[rm:MEASURES]->(rx)
    WITH rv, rx ORDER BY rm.position, rx.name
    RETURN { metric: ${metricProjection('rx')}, raw: rv.raw, value: rv.value } }${more ? `,\n  ${more}` : ''} }`;
}

/**
 * A relation the graph holds as several paths between two nodes, each given as node patterns
 * (a variable, with a label or properties if wanted): e.g. `paperDataset('p', 'd:Dataset')`.
 */
type Relation = (from: string, to: string) => string[];

/** A paper and a dataset it introduced or has results on. */
export const paperDataset: Relation = (p, d) => [
  `(${p})<-[:INTRODUCED_IN]-(${d})`,
  `(${p})<-[:FROM_PAPER]-(:Result)-[:ON_LEADERBOARD]->(:Leaderboard)-[:ON_DATASET]->(${d})`,
];

/** A dataset and a task it lists or one of its leaderboards is for. */
export const datasetTask: Relation = (d, t) => [
  `(${d})-[:LISTS_TASK]->(${t})`,
  `(${d})<-[:ON_DATASET]-(:Leaderboard)-[:FOR_TASK]->(${t})`,
];

/** The body of a `CALL` subquery returning each distinct `returned` that any of `paths` reaches. */
export function reachedBy(paths: string[], returned: string): string {
  return paths.map((path) => `MATCH ${path} RETURN ${returned}`).join('\n    UNION\n    ');
}

/** The condition that at least one of `paths` exists. */
export function anyOf(paths: string[]): string {
  return `(${paths.map((path) => `EXISTS { ${path} }`).join('\n    OR ')})`;
}

/** The papers `p` of the dataset bound to `d` (subquery body). */
export function datasetPapers(d: string): string {
  return reachedBy(paperDataset('p:Paper', d), 'p');
}

/**
 * The results `r` of leaderboard `l` with their value `v` on metric `x` (both bound). Walked from
 * the leaderboard: left to itself the planner expands from the metric, which has values on
 * thousands of leaderboards (Accuracy, F1), and keeps the few of `l`.
 */
export function leaderboardValues(l: string, x: string, r = 'r', v = 'v'): string {
  return `MATCH (${l})<-[:ON_LEADERBOARD]-(${r}:Result)
  CALL (${r}, ${x}) { MATCH (${r})-[${v}:HAS_VALUE]->(${x}) RETURN ${v} }`;
}

/** The value `v` on metric `x`, signed so that smaller is better (unknown directions count higher as better). */
export function signedValue(x: string, v: string): string {
  return `CASE WHEN ${x}.direction = 'LOWER_IS_BETTER' THEN ${v}.value ELSE -${v}.value END`;
}

/**
 * The ranking order of a leaderboard's rows, as a key of row `r` with its signed value `signed`
 * (ascending, the row id breaking ties): readable values first, better first, then earlier, then
 * by model name.
 */
export function rankingKey(signed: string, r: string): string {
  return `[${signed} IS NULL, coalesce(${signed}, 0.0), coalesce(toString(${r}.date), '9999'), ${r}.modelName]`;
}

/**
 * The rank of a row with signed value `signed` among the signed values `readable` of its board:
 * one more than those strictly better, so ties share it; an unreadable value ranks after them all.
 */
export function rankAmong(readable: string, signed: string): string {
  return `CASE WHEN ${signed} IS NULL THEN size(${readable}) + 1 ELSE 1 + size([s IN ${readable} WHERE s < ${signed}]) END`;
}

/** The count of the distinct papers with a result on the leaderboard bound to `l`. */
export function leaderboardPaperCount(l: string): string {
  return `COUNT { MATCH (${l})<-[:ON_LEADERBOARD]-(:Result)-[:FROM_PAPER]->(lp:Paper) RETURN DISTINCT lp }`;
}

/** The relationship from a task, an author or a method to its papers. */
export const PAPERS_OF = {
  task: { label: 'Task', toPapers: '<-[:HAS_TASK]-' },
  author: { label: 'Author', toPapers: '-[:AUTHORED]->' },
  method: { label: 'Method', toPapers: '<-[:USES_METHOD]-' },
} as const;
