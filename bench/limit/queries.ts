// "The limit": for each operation of schema/examples.graphql, one hand-written Cypher statement
// that returns the same data straight from the graph, with no GraphQL layer: the same fields, the
// same orders, page sizes and rankings, in one round trip. What our server spends above this is
// the cost of the GraphQL layer (parsing, validation, resolvers, DataLoader batches, several
// statements per request).
//
// Where the data is an algorithm rather than a walk (related papers), the statement embeds the
// same Cypher the server runs, so the two compute the same thing. Cursors are left as their sort
// key and id (encoding them is the server's business), and reasons come in the order Cypher
// collects them.
import { cypher, type Cypher } from '../../src/db/cypher';
import { datasetPapers } from '../../src/db/graph-vocabulary';
import { FACET_KINDS, storedFacetsKey } from '../../src/db/paper-facets';
import { HUB_SIZE } from '../../src/db/paper-scopes';
import { facetStatement } from '../../src/paper/paper-facets.repository';
import {
  FAN_OUT,
  KIND_WEIGHTS,
  RELATED_TO_PAPERS,
  RELATED_TO_TASKS,
  TASK_LINKS_PER_KIND,
} from '../../src/related/related.repository';
import { arxivKey } from '../../src/model/keys';
import { escapeLucene } from '../../src/search/lucene';
import { RANKED, SEARCH_INDEXES, SUGGESTIONS, suggestInputs } from '../../src/search/search.repository';
import { RANKED_WINDOW, SearchType } from '../../src/search/search.type';
import { titleKey } from '../../src/model/keys';

/** A statement and how it takes an example's variables; it returns one row whose `data` is the answer. */
export interface LimitQuery {
  query: Cypher;
  params: (variables: Record<string, unknown>) => Record<string, unknown>;
}

/** The list size when a query names none (the API's default page size). */
const DEFAULT_LIST = 20;

const name = (variable: string) => `${variable} { .id, .name }`;

/** A node's papers, newest first: sorted when the scope is small, the date index walked when it is a hub. */
function newestPapers(scopeVariable: string, toPapers: string, extraConditions: string, limit: string): string {
  const s = scopeVariable;
  return `OPTIONAL CALL (${s}) {
    WITH ${s}, COUNT { (${s})${toPapers}() } AS size
    CALL (${s}, size) {
      WITH ${s}, size WHERE size <= $hubSize
      CALL (${s}) {
        MATCH (${s})${toPapers}(p:Paper) WHERE true ${extraConditions}
        RETURN p ORDER BY coalesce(p.publishedAt, date('0001-01-01')) DESC, p.id LIMIT ${limit}
      }
      RETURN p
      UNION ALL
      WITH ${s}, size WHERE size > $hubSize
      CALL (${s}) {
        MATCH (p:Paper) USING INDEX p:Paper(publishedAt)
        WHERE p.publishedAt <= date('9999-12-31') AND EXISTS { (${s})${toPapers}(p) } ${extraConditions}
        RETURN p ORDER BY p.publishedAt DESC, p.id LIMIT ${limit}
      }
      RETURN p
    }
    RETURN p
  }`;
}

/** The best `limit` rows of leaderboard `l` on metric `metricName` (those meeting `condition`), each with `rank` (ties share it). */
function rankedRows(limit: string, result: string, condition = ''): string {
  return `CALL (l, metricName) {
    MATCH (l)<-[:ON_LEADERBOARD]-(r:Result)-[v:HAS_VALUE]->(x:Metric {name: metricName})
    WHERE true ${condition}
    WITH r, v, x ORDER BY v.value IS NULL, CASE WHEN x.direction = 'LOWER_IS_BETTER' THEN v.value ELSE -v.value END,
      coalesce(toString(r.date), '9999'), r.modelName, r.id
    LIMIT ${limit}
    WITH collect({ value: { raw: v.raw, value: v.value }, result: ${result} }) AS rows
    WITH rows, [row IN rows | row.value.value] AS values
    RETURN [i IN range(0, size(rows) - 1) | { value: rows[i].value, result: rows[i].result,
      rank: CASE WHEN values[i] IS NULL THEN size([value IN values WHERE value IS NOT NULL]) + 1
        ELSE head([j IN range(0, i) WHERE values[j] = values[i]]) + 1 END }] AS rows
  }`;
}

/**
 * `sotaHistory`: the best-so-far steps of leaderboard `l` on metric `$metric` over the dated rows
 * that meet `condition` (Cypher over `r`, empty for every row), each with its improvement.
 */
function sotaSteps(condition: string): string {
  return `CALL (l) {
  MATCH (l)<-[:ON_LEADERBOARD]-(r:Result)-[v:HAS_VALUE]->(x:Metric {name: $metric})
  WHERE r.date IS NOT NULL AND v.value IS NOT NULL AND NOT isNaN(v.value) ${condition}
  WITH r, v, x ORDER BY r.date, CASE WHEN x.direction = 'LOWER_IS_BETTER' THEN v.value ELSE -v.value END, r.modelName, r.id
  WITH collect({ date: r.date, value: v.value, result: { modelName: r.modelName } }) AS dated,
       head(collect(x.direction)) = 'LOWER_IS_BETTER' AS lowerIsBetter
  RETURN reduce(steps = [], row IN dated |
    CASE WHEN size(steps) = 0 THEN [row { .*, improvement: null }]
         WHEN (lowerIsBetter AND row.value < last(steps).value) OR (NOT lowerIsBetter AND row.value > last(steps).value)
         THEN steps + [row { .*, improvement: abs(row.value - last(steps).value) }]
         ELSE steps END) AS sotaHistory
}`;
}

/** Among papers sharing an arXiv id, the one the API answers: the earliest published, then the smallest id. */
const FIRST_LISTED = 'ORDER BY p.publishedAt IS NULL, p.publishedAt, p.id LIMIT 1';

/** The CompleteLeaderboard example's filter, `{ usesAdditionalData: false }`, over a row `r`. */
const WITHOUT_ADDITIONAL_DATA = 'AND coalesce(r.usesAdditionalData, false) = false';

const FIRST_METRIC = 'head(COLLECT { MATCH (l)-[m:MEASURES]->(x:Metric) RETURN x.name ORDER BY m.position })';
const RESULT_PAPER = 'head(COLLECT { MATCH (r)-[:FROM_PAPER]->(p:Paper) RETURN p { .id, .title } })';
const RESULT_VALUES = `COLLECT { MATCH (r)-[value:HAS_VALUE]->(metric:Metric) OPTIONAL MATCH (l)-[at:MEASURES]->(metric)
      WITH value, metric ORDER BY at.position, metric.name RETURN { raw: value.raw, metric: { name: metric.name } } }`;

// The server's related-papers statement reads its inputs from the map `$related`.
const relatedParams = (limit: number) => (variables: Record<string, unknown>) => ({
  ...variables,
  related: {
    ids: [variables.id],
    limit,
    shortlist: 2 * limit,
    fanout: FAN_OUT,
    taskLinks: TASK_LINKS_PER_KIND,
    weights: KIND_WEIGHTS,
  },
});

/** Each example's hand-written statement, by operation name. */
export const LIMIT_QUERIES: Record<string, LimitQuery> = {
  PaperPage: {
    query: cypher(
      'limit.PaperPage',
      `
CALL () { ${RELATED_TO_PAPERS.text('$related')} }
WITH collect({ score: value.score, paper: { id: value.paper.id, title: value.paper.title } }) AS related
MATCH (p:Paper {id: $id})
RETURN p { .id, .title, .abstract, .publishedAt, .arxivId, .urlAbs, .urlPdf, .proceeding,
  authors: COLLECT { MATCH (p)<-[w:AUTHORED]-(a:Author) RETURN ${name('a')} ORDER BY w.position },
  tasks: COLLECT { MATCH (p)-[h:HAS_TASK]->(t:Task) RETURN ${name('t')} ORDER BY h.position },
  methods: COLLECT { MATCH (p)-[:USES_METHOD]->(m:Method) RETURN ${name('m')} ORDER BY m.name, m.id },
  codeLinks: COLLECT { MATCH (p)-[c:HAS_CODE]->(r:Repository) WITH c, r ORDER BY c.isOfficial DESC, r.url
    RETURN { isOfficial: coalesce(c.isOfficial, false), framework: c.framework, repository: r { .url, .owner, .name } } },
  datasets: COLLECT { CALL (p) {
      MATCH (p)<-[:INTRODUCED_IN]-(d:Dataset) RETURN d
      UNION
      MATCH (p)<-[:FROM_PAPER]-(:Result)-[:ON_LEADERBOARD]->(:Leaderboard)-[:ON_DATASET]->(d:Dataset) RETURN d
    } RETURN ${name('d')} ORDER BY d.name, d.id },
  results: COLLECT { MATCH (p)<-[:FROM_PAPER]-(r:Result)-[:ON_LEADERBOARD]->(l:Leaderboard)
    WITH r, l ORDER BY l.id, r.modelName, r.id
    RETURN { modelName: r.modelName,
      leaderboard: l { .id, .name, task: head(COLLECT { MATCH (l)-[:FOR_TASK]->(t:Task) RETURN ${name('t')} }) },
      values: COLLECT { MATCH (r)-[v:HAS_VALUE]->(x:Metric) OPTIONAL MATCH (l)-[m:MEASURES]->(x)
        WITH v, x ORDER BY m.position, x.name
        RETURN { raw: v.raw, value: v.value, metric: x { .name, .direction } } } } },
  relatedPapers: related } AS data`,
    ),
    params: relatedParams(5),
  },

  TaskPage: {
    query: cypher(
      'limit.TaskPage',
      `
MATCH (t:Task {id: $id})
${newestPapers('t', '<-[:HAS_TASK]-', '', '11')}
WITH t, collect(p { .id, .title, .publishedAt }) AS page
CALL (t) {
  MATCH (t)<-[:FOR_TASK]-(l:Leaderboard)
  WITH l, COUNT { (l)<-[:ON_LEADERBOARD]-() } AS resultCount ORDER BY resultCount DESC, l.id LIMIT ${DEFAULT_LIST}
  WITH l, resultCount, ${FIRST_METRIC} AS metricName
  ${rankedRows('3', `{ modelName: r.modelName, paper: ${RESULT_PAPER} }`)}
  RETURN collect(l { .id, .name, resultCount: resultCount,
    dataset: head(COLLECT { MATCH (l)-[:ON_DATASET]->(d:Dataset) RETURN ${name('d')} }),
    metrics: COLLECT { MATCH (l)-[m:MEASURES]->(x:Metric) RETURN x { .name, .direction } ORDER BY m.position },
    rows: rows }) AS leaderboards
}
RETURN t { .id, .name, .description, paperCount: COUNT { (t)<-[:HAS_TASK]-() },
  areas: COLLECT { MATCH (t)-[:IN_AREA]->(a:Area) RETURN ${name('a')} ORDER BY a.name },
  parent: head(COLLECT { MATCH (t)-[:SUBTASK_OF]->(s:Task) RETURN ${name('s')} ORDER BY s.id LIMIT 1 }),
  subtasks: COLLECT { MATCH (t)<-[:SUBTASK_OF]-(s:Task)
    RETURN s { .id, .name, paperCount: COUNT { (s)<-[:HAS_TASK]-() } } ORDER BY s.name, s.id LIMIT ${DEFAULT_LIST} },
  papers: { totalCount: COUNT { (t)<-[:HAS_TASK]-() },
    pageInfo: { hasNextPage: size(page) > 10, endCursor: [page[9].publishedAt, page[9].id] },
    edges: [p IN page[..10] | { cursor: [p.publishedAt, p.id], node: p }] },
  datasets: COLLECT { CALL (t) {
      MATCH (t)<-[:LISTS_TASK]-(d:Dataset) RETURN d
      UNION
      MATCH (t)<-[:FOR_TASK]-(:Leaderboard)-[:ON_DATASET]->(d:Dataset) RETURN d
    } RETURN ${name('d')} ORDER BY d.name, d.id LIMIT ${DEFAULT_LIST} },
  leaderboards: leaderboards } AS data`,
    ),
    params: (variables) => ({ ...variables, hubSize: HUB_SIZE }),
  },

  LeaderboardPage: {
    query: cypher(
      'limit.LeaderboardPage',
      `
CALL () {
  MATCH (:Task {id: $task})<-[:FOR_TASK]-(l:Leaderboard)-[:ON_DATASET]->(d:Dataset {id: $dataset})
  RETURN l ORDER BY CASE WHEN toLower(l.name) = toLower(d.name) THEN 0 ELSE 1 END,
    COUNT { (l)<-[:ON_LEADERBOARD]-() } DESC, l.id
  LIMIT 1
}
WITH l, $metric AS metricName
${rankedRows(
  '50',
  `{ id: r.id, modelName: r.modelName, date: r.date, usesAdditionalData: coalesce(r.usesAdditionalData, false),
      paper: ${RESULT_PAPER}, values: ${RESULT_VALUES} }`,
)}
${sotaSteps('')}
RETURN l { .id, .name,
  metrics: COLLECT { MATCH (l)-[m:MEASURES]->(x:Metric) RETURN { name: x.name, direction: x.direction, directionSource: toUpper(x.directionSource) } ORDER BY m.position },
  rows: rows, sotaHistory: sotaHistory } AS data`,
    ),
    params: (variables) => variables,
  },

  DatasetPage: {
    query: cypher(
      'limit.DatasetPage',
      `
MATCH (d:Dataset {id: $id})
CALL (d) {
  OPTIONAL CALL (d) {
    MATCH (d)<-[:ON_DATASET]-(l:Leaderboard)
    RETURN l ORDER BY COUNT { (l)<-[:ON_LEADERBOARD]-() } DESC, l.id LIMIT 1
  }
  WITH l, ${FIRST_METRIC} AS metricName
  ${rankedRows('1', `{ modelName: r.modelName, date: r.date, paper: ${RESULT_PAPER}, values: ${RESULT_VALUES} }`)}
  RETURN head(rows).result AS bestResult
}
RETURN d { .id, .name, .fullName, .description, .homepage, .introducedAt,
  modalities: coalesce(d.modalities, []), languages: coalesce(d.languages, []),
  paperCount: COUNT { ${datasetPapers('d')} },
  introducedBy: head(COLLECT { MATCH (d)-[:INTRODUCED_IN]->(p:Paper)
    RETURN p { .id, .title } ORDER BY p.publishedAt DESC, p.id LIMIT 1 }),
  tasks: COLLECT { CALL (d) {
      MATCH (d)-[:LISTS_TASK]->(t:Task) RETURN t
      UNION
      MATCH (d)<-[:ON_DATASET]-(:Leaderboard)-[:FOR_TASK]->(t:Task) RETURN t
    } RETURN ${name('t')} ORDER BY t.name, t.id LIMIT ${DEFAULT_LIST} },
  leaderboards: COLLECT { MATCH (d)<-[:ON_DATASET]-(l:Leaderboard)
    WITH l, COUNT { (l)<-[:ON_LEADERBOARD]-() } AS resultCount ORDER BY resultCount DESC, l.id LIMIT ${DEFAULT_LIST}
    RETURN l { .id, .name, resultCount: resultCount,
      task: head(COLLECT { MATCH (l)-[:FOR_TASK]->(t:Task) RETURN ${name('t')} }) } },
  bestResult: bestResult } AS data`,
    ),
    params: (variables) => variables,
  },

  AuthorPage: {
    query: cypher(
      'limit.AuthorPage',
      `
MATCH (a:Author {id: $id})
${newestPapers('a', '-[:AUTHORED]->', '', '10')}
WITH a, collect(p { .id, .title, .publishedAt,
  tasks: COLLECT { MATCH (p)-[h:HAS_TASK]->(t:Task) RETURN ${name('t')} ORDER BY h.position } }) AS papers
CALL (a) {
  MATCH (a)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(c:Author)
  WHERE c <> a
  WITH c, count(DISTINCT p) AS papersTogether ORDER BY papersTogether DESC, c.id LIMIT 10
  RETURN collect({ papersTogether: papersTogether, author: ${name('c')} }) AS coauthors
}
RETURN a { .id, .name, paperCount: COUNT { (a)-[:AUTHORED]->() },
  papers: { totalCount: COUNT { (a)-[:AUTHORED]->() }, nodes: papers },
  coauthors: coauthors } AS data`,
    ),
    params: (variables) => ({ ...variables, hubSize: HUB_SIZE }),
  },

  RelatedWork: {
    query: cypher(
      'limit.RelatedWork',
      `
CALL () { ${RELATED_TO_PAPERS.text('$related')} }
WITH collect({ score: value.score, paper: { id: value.paper.id, title: value.paper.title, publishedAt: value.paper.publishedAt }, reasons: value.reasons }) AS related
MATCH (p:Paper {id: $id})
RETURN { id: p.id, relatedPapers: related } AS data`,
    ),
    params: relatedParams(20),
  },

  TaskRelatedWork: {
    query: cypher(
      'limit.TaskRelatedWork',
      `
CALL () { ${RELATED_TO_TASKS.text('$related')} }
WITH collect({ score: value.score, paper: { id: value.paper.id, title: value.paper.title },
  reasons: [reason IN value.reasons | reason { .kind, .name, .weight }] }) AS related
MATCH (t:Task {id: $id})
RETURN { id: t.id, relatedPapers: related } AS data`,
    ),
    params: relatedParams(10),
  },

  PaperFeed: {
    query: cypher(
      'limit.PaperFeed',
      `
MATCH (t:Task {id: $task})
${newestPapers('t', '<-[:HAS_TASK]-', `AND p.publishedAt >= date({year: $yearFrom}) AND EXISTS { (p)-[:HAS_CODE]->() }`, '21')}
WITH collect(p { .id, .title, .publishedAt,
  authors: COLLECT { MATCH (p)<-[w:AUTHORED]-(a:Author) RETURN a { .name } ORDER BY w.position },
  repositories: COLLECT { MATCH (p)-[c:HAS_CODE]->(r:Repository) RETURN r { .url } ORDER BY c.isOfficial DESC, r.url } }) AS page
RETURN { pageInfo: { hasNextPage: size(page) > 20, endCursor: [page[19].publishedAt, page[19].id] }, nodes: page[..20] } AS data`,
    ),
    params: (variables) => ({ ...variables, hubSize: HUB_SIZE }),
  },

  BrowseTasks: {
    query: cypher(
      'limit.BrowseTasks',
      `
CALL () {
  MATCH (a:Area) WHERE EXISTS { (a)<-[:IN_AREA]-(:Task) }
  WITH a ORDER BY toLower(a.name), a.id
  RETURN collect(${name('a')}) AS areas
}
CALL () {
  MATCH (:Area {id: $area})<-[:IN_AREA]-(t:Task)
  WITH t, COUNT { (t)<-[:HAS_TASK]-() } AS paperCount ORDER BY paperCount DESC, t.id
  WITH collect(t { .id, .name, paperCount: paperCount }) AS tasks
  RETURN { totalCount: size(tasks), nodes: tasks[..${DEFAULT_LIST}] } AS tasks
}
RETURN { areas: areas, tasks: tasks } AS data`,
    ),
    params: (variables) => variables,
  },

  Search: {
    query: cypher(
      'limit.Search',
      `
CALL () {
  ${SEARCH_INDEXES.map(
    ([
      type,
      index,
      nameProperty,
    ]) => `CALL db.index.fulltext.queryNodes('${index}', $query, { limit: 10 }) YIELD node, score
  RETURN '${type}' AS type, node.id AS id, coalesce(node.${nameProperty}, node.id) AS name, score`,
  ).join('\n  UNION ALL\n  ')}
}
WITH type, id, name, score ORDER BY score DESC, type, id LIMIT 10
RETURN { search: collect({ type: type, id: id, name: name, score: score }) } AS data`,
    ),
    params: (variables) => ({ query: escapeLucene(String(variables.query)) }),
  },

  // Our ranked search and autocomplete statements, sent bare (the ranking is the work measured).
  SearchResults: {
    query: cypher(
      'limit.SearchResults',
      `
CALL () { ${RANKED.text('$input')} }
RETURN { totalCount: total, edges: [hit IN page | { score: hit.score, node: CASE hit.type
  WHEN 'PAPER' THEN { __typename: 'Paper', id: hit.value.id, title: hit.value.title }
  WHEN 'TASK' THEN { __typename: 'Task', id: hit.value.id, name: hit.value.name, paperCount: hit.value.paperCount }
  ELSE { __typename: CASE hit.type WHEN 'AUTHOR' THEN 'Author' WHEN 'DATASET' THEN 'Dataset' ELSE 'Method' END,
    id: hit.value.id, name: hit.value.name } END }] } AS data`,
    ),
    params: (variables) => {
      const key = titleKey(String(variables.query)) ?? '';
      return {
        input: {
          query: escapeLucene(String(variables.query)),
          key,
          words: key.split(' '),
          types: Object.values(SearchType),
          window: RANKED_WINDOW,
          limit: 10,
          after: null,
        },
      };
    },
  },

  Suggest: {
    query: cypher(
      'limit.Suggest',
      `
CALL () { ${SUGGESTIONS.text('$input')} }
RETURN { suggest: collect({ type: type, id: id, name: name, score: score }) } AS data`,
    ),
    params: (variables) => ({
      input: suggestInputs(titleKey(String(variables.prefix)) ?? '', Object.values(SearchType), 8),
    }),
  },

  PaperLookup: {
    query: cypher(
      'limit.PaperLookup',
      `
RETURN {
  paperByArxivId: head(COLLECT { MATCH (p:Paper {arxivId: $arxivKey}) RETURN p { .id, .title, .arxivId } ${FIRST_LISTED} }),
  paperByUrl: head(COLLECT { MATCH (p:Paper {arxivId: $urlArxivKey}) RETURN p { .id, .title } ${FIRST_LISTED} }),
  papersByIds: [id IN $ids | head(COLLECT { MATCH (p:Paper {id: id}) RETURN p { .id, .title, .publishedAt } })]
} AS data`,
    ),
    // The server reads the arXiv id out of the id and the URL as this does (keys.ts).
    params: (variables) => ({
      ids: variables.ids,
      arxivKey: arxivKey(String(variables.arxivId)),
      urlArxivKey: arxivKey(String(variables.url)),
    }),
  },

  CompleteLeaderboard: {
    query: cypher(
      'limit.CompleteLeaderboard',
      `
MATCH (l:Leaderboard {id: $id})
WITH l, $metric AS metricName
${rankedRows(
  '21',
  `{ modelName: r.modelName, date: r.date, codeLinks: coalesce(r.codeLinks, []),
      paper: head(COLLECT { MATCH (r)-[:FROM_PAPER]->(p:Paper) RETURN p { .id } ORDER BY p.publishedAt DESC, p.id LIMIT 1 }) }`,
  WITHOUT_ADDITIONAL_DATA,
)}
${sotaSteps(WITHOUT_ADDITIONAL_DATA)}
RETURN l { .id, .name,
  lastSotaAt: last(sotaHistory).date,
  entries: {
    totalCount: COUNT { MATCH (l)<-[:ON_LEADERBOARD]-(r:Result)-[:HAS_VALUE]->(:Metric {name: $metric}) WHERE true ${WITHOUT_ADDITIONAL_DATA} },
    pageInfo: { hasNextPage: size(rows) > 20, endCursor: last(rows[..20]).result.modelName },
    edges: [row IN rows[..20] | { cursor: row.result.modelName, node: row }] },
  sotaHistory: [step IN sotaHistory | step { .date, .value, .result }] } AS data`,
    ),
    params: (variables) => variables,
  },

  Benchmarks: {
    query: cypher(
      'limit.Benchmarks',
      `
CALL () {
  MATCH (l:Leaderboard)-[:FOR_TASK]->(:Task)-[:IN_AREA]->(:Area {id: $area})
  WITH DISTINCT l
  WITH l, COUNT { (l)<-[:ON_LEADERBOARD]-() } AS resultCount WHERE resultCount >= $minResults
  WITH l, resultCount ORDER BY resultCount DESC, l.id
  WITH collect(l { .id, .name, resultCount: resultCount }) AS boards
  RETURN { totalCount: size(boards), nodes: [l IN boards[..10] | l {
    .*,
    task: head(COLLECT { MATCH (:Leaderboard {id: l.id})-[:FOR_TASK]->(t:Task) RETURN t { .id } }),
    dataset: head(COLLECT { MATCH (:Leaderboard {id: l.id})-[:ON_DATASET]->(d:Dataset) RETURN d { .id } }) }] } AS notable
}
CALL () {
  MATCH (l:Leaderboard)-[:FOR_TASK]->(:Task)-[:IN_AREA]->(:Area {id: $area})
  WITH DISTINCT l
  WITH l ORDER BY coalesce(l.lastSotaAt, date('0001-01-01')) DESC, l.id LIMIT 11
  WITH collect(l { .id, .name, .lastSotaAt }) AS page
  RETURN { pageInfo: { hasNextPage: size(page) > 10, endCursor: last(page[..10]).id }, nodes: page[..10] } AS recent
}
RETURN { notable: notable, recent: recent } AS data`,
    ),
    params: (variables) => variables,
  },

  Compare: {
    query: cypher(
      'limit.Compare',
      `
UNWIND range(0, size($papers) - 1) AS i
MATCH (:Paper {id: $papers[i]})<-[:FROM_PAPER]-(r:Result)-[:ON_LEADERBOARD]->(l:Leaderboard)-[m:MEASURES]->(x:Metric)
MATCH (r)-[v:HAS_VALUE]->(x)
WITH i, l, m.position AS position, x, r, v, CASE WHEN x.direction = 'LOWER_IS_BETTER' THEN v.value ELSE -v.value END AS signed
ORDER BY signed IS NULL, signed, coalesce(toString(r.date), '9999'), r.modelName, r.id
WITH i, l, position, x, head(collect({ r: r, v: v, signed: signed })) AS best
WITH l, position, x, collect({ i: i, best: best }) AS bests WHERE size(bests) >= 2
ORDER BY size(bests) DESC, l.id, position LIMIT 50
CALL (l, x) {
  MATCH (l)<-[:ON_LEADERBOARD]-(o:Result) MATCH (o)-[ov:HAS_VALUE]->(x)
  WITH CASE WHEN x.direction = 'LOWER_IS_BETTER' THEN ov.value ELSE -ov.value END AS s WHERE s IS NOT NULL
  RETURN collect(s) AS readable
}
WITH l, position, x, readable, [j IN range(0, size($papers) - 1) | head([b IN bests WHERE b.i = j | b.best])] AS bests
RETURN { compare: collect({ leaderboard: l { .id, .name }, metric: x { .name, .direction },
  entries: [j IN range(0, size($papers) - 1) WHERE bests[j] IS NOT NULL | {
    paper: head(COLLECT { MATCH (p:Paper {id: $papers[j]}) RETURN p { .id, .title } }),
    rank: CASE WHEN bests[j].signed IS NULL THEN size(readable) + 1 ELSE 1 + size([s IN readable WHERE s < bests[j].signed]) END,
    value: { raw: bests[j].v.raw, value: bests[j].v.value },
    result: { modelName: bests[j].r.modelName, date: bests[j].r.date } }] }) } AS data`,
    ),
    params: (variables) => variables,
  },

  // Our facet statements, sent bare in one statement (the counting is the work measured): each
  // reads a hub's stored facets (all papers, when $task is null, is one) or counts a task's papers.
  Facets: {
    query: cypher(
      'limit.Facets',
      `
${FACET_KINDS.map(
  (kind, index) =>
    `CALL () { ${facetStatement({ scope: 'task', filter: {}, kind, limit: 0 }).text('$input')} }
WITH ${[...FACET_KINDS.slice(0, index), 'value AS ' + kind].join(', ')}`,
).join('\n')}
RETURN {
  totalCount: CASE WHEN $task IS NULL THEN COUNT { (:Paper) } ELSE COUNT { (:Task {id: $task})<-[:HAS_TASK]-() } END,
  facets: { years: [y IN years | y { .value, .count }], frameworks: [x IN frameworks | x { .value, .count }],
    tasks: tasks, withCode: withCode } } AS data`,
    ),
    params: (variables) => {
      const task = (variables.task as string | null) ?? null;
      const stored = storedFacetsKey(task === null ? 'all' : 'task', task);
      return { task, input: { requests: [{ key: 'list', scope: task, stored }], filter: {}, limit: 10 } };
    },
  },
};
