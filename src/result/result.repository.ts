import { readStatement } from '../db/cypher';
import type { GraphReader } from '../db/gateway';
import { readManyPerKey, readOnePerKey } from '../db/keyed-read';
import { leaderboardProjection, metricProjection, resultDetails, resultProjection } from '../db/graph-vocabulary';
import { toMetricValue, withPreloaded, type MetricValueRow } from './result-rows';
import type { MetricValue, Result } from './result.type';
import type { Provenance } from './provenance.type';

const RESULTS_OF_PAPERS = readStatement(
  'result.ofPapers',
  ($) => `
UNWIND ${$.ids} AS id
MATCH (:Paper {id: id})<-[:FROM_PAPER]-(r:Result)-[:ON_LEADERBOARD]->(l:Leaderboard)
WITH id, r, l ORDER BY id, l.id, r.modelName, r.id
RETURN id AS key, ${resultProjection(resultDetails(`leaderboard: ${leaderboardProjection('l')}`))} AS value
`,
);

// A result's values in its leaderboard's metric order.
const VALUES_OF_RESULTS = readStatement(
  'result.values',
  ($) => `
UNWIND ${$.ids} AS id
MATCH (r:Result {id: id})-[v:HAS_VALUE]->(x:Metric)
OPTIONAL MATCH (r)-[:ON_LEADERBOARD]->(:Leaderboard)-[m:MEASURES]->(x)
WITH id, v, x ORDER BY id, m.position, x.name
RETURN id AS key, { metric: ${metricProjection('x')}, raw: v.raw, value: v.value } AS value
`,
);

const RESULTS_BY_IDS = readStatement(
  'result.byIds',
  ($) => `
UNWIND ${$.ids} AS id
MATCH (r:Result {id: id})-[:ON_LEADERBOARD]->(l:Leaderboard)
RETURN id AS key, ${resultProjection()} AS value
`,
);

// An accepted submission's result is linked from it; any other came from the archive.
const PROVENANCE_OF_RESULTS = readStatement(
  'result.provenance',
  ($) => `
UNWIND ${$.ids} AS id
MATCH (r:Result {id: id})
OPTIONAL MATCH (s:Submission)-[:CREATED]->(r)
RETURN id AS key, CASE WHEN s IS NULL
  THEN { kind: 'ARCHIVE', archiveFile: r.archiveFile, submissionId: null, sourceUrl: null }
  ELSE { kind: 'SUBMISSION', archiveFile: null, submissionId: s.id, sourceUrl: r.sourceUrl } END AS value
`,
);

export class ResultRepository {
  constructor(private readonly db: GraphReader) {}

  /** Each paper's leaderboard results, by leaderboard then model name. */
  async ofPapers(paperIds: readonly string[]): Promise<Map<string, Result[]>> {
    const rows = await readManyPerKey<Result>(this.db, RESULTS_OF_PAPERS, paperIds);
    return new Map([...rows].map(([id, results]) => [id, results.map(withPreloaded)]));
  }

  byIds(ids: readonly string[]): Promise<Map<string, Result>> {
    return readOnePerKey(this.db, RESULTS_BY_IDS, ids);
  }

  provenance(ids: readonly string[]): Promise<Map<string, Provenance>> {
    return readOnePerKey(this.db, PROVENANCE_OF_RESULTS, ids);
  }

  async values(resultIds: readonly string[]): Promise<Map<string, MetricValue[]>> {
    const rows = await readManyPerKey<MetricValueRow>(this.db, VALUES_OF_RESULTS, resultIds);
    return new Map([...rows].map(([id, values]) => [id, values.map(toMetricValue)]));
  }
}
