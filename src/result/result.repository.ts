import { cypher } from '../db/cypher';
import type { Db } from '../db/gateway';
import { readManyPerKey } from '../db/keyed-read';
import { toMetric } from '../leaderboard/metric.type';
import type { MetricValue, Result } from './result.type';

/** The properties of a result `r` on leaderboard `l` the API returns. */
export const RESULT_PROJECTION = `r { .id, .modelName, .date, .paperTitle, leaderboardId: l.id,
  usesAdditionalData: coalesce(r.usesAdditionalData, false), codeLinks: coalesce(r.codeLinks, []) }`;

export const METRIC_PROJECTION = 'x { .name, .direction, .directionSource }';

const RESULTS_OF_PAPERS = cypher(
  'result.ofPapers',
  `
UNWIND $ids AS id
MATCH (:Paper {id: id})<-[:FROM_PAPER]-(r:Result)-[:ON_LEADERBOARD]->(l:Leaderboard)
WITH id, r, l ORDER BY id, l.id, r.modelName, r.id
RETURN id AS key, ${RESULT_PROJECTION} AS value
`,
);

// A result's values in its leaderboard's metric order.
const VALUES_OF_RESULTS = cypher(
  'result.values',
  `
UNWIND $ids AS id
MATCH (r:Result {id: id})-[v:HAS_VALUE]->(x:Metric)
OPTIONAL MATCH (r)-[:ON_LEADERBOARD]->(:Leaderboard)-[m:MEASURES]->(x)
WITH id, v, x ORDER BY id, m.position, x.name
RETURN id AS key, { metric: ${METRIC_PROJECTION}, raw: v.raw, value: v.value } AS value
`,
);

type MetricValueRow = Omit<MetricValue, 'metric'> & { metric: Parameters<typeof toMetric>[0] };

/** Metric values read from the graph, with their metrics made Metric instances. */
export function toMetricValue(row: MetricValueRow): MetricValue {
  return { raw: row.raw, value: row.value, metric: toMetric(row.metric) };
}

export class ResultRepository {
  constructor(private readonly db: Db) {}

  /** Each paper's leaderboard results, by leaderboard then model name. */
  ofPapers(paperIds: readonly string[]): Promise<Map<string, Result[]>> {
    return readManyPerKey(this.db, RESULTS_OF_PAPERS, paperIds);
  }

  async values(resultIds: readonly string[]): Promise<Map<string, MetricValue[]>> {
    const rows = await readManyPerKey<MetricValueRow>(this.db, VALUES_OF_RESULTS, resultIds);
    return new Map([...rows].map(([id, values]) => [id, values.map(toMetricValue)]));
  }
}
