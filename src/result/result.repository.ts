import { cypher } from '../db/cypher';
import type { Db } from '../db/gateway';
import { readManyPerKey } from '../db/keyed-read';
import { toMetric } from '../leaderboard/metric.type';
import { LEADERBOARD_PROJECTION } from '../leaderboard/leaderboard-projection';
import { paperProjection } from '../paper/paper.repository';
import type { MetricValue, PreloadedResult, Result } from './result.type';

/**
 * The properties of a result `r` on leaderboard `l` the API returns; with `preloaded`, also what
 * its rows show with it (see RESULT_DETAILS).
 */
export function resultProjection(preloaded?: string): string {
  return `r { .id, .modelName, .date, .paperTitle, leaderboardId: l.id,
  usesAdditionalData: coalesce(r.usesAdditionalData, false), codeLinks: coalesce(r.codeLinks, [])${
    preloaded ? `, preloaded: ${preloaded}` : ''
  } }`;
}

export function metricProjection(x: string): string {
  return `${x} { .name, .direction, .directionSource }`;
}

export const METRIC_PROJECTION = metricProjection('x');

/**
 * What a list of results shows with each row (plus `more` entries), read in the same statement so
 * that the rows need no further round trip: the result's paper and its values in the
 * leaderboard's metric order. Its variables are its own: the statements that embed it bind `p`,
 * `v`, `x` and `m`.
 */
export function resultDetails(more?: string): string {
  return `{
  paper: head(COLLECT { MATCH (r)-[:FROM_PAPER]->(rp:Paper) RETURN ${paperProjection('rp')} ORDER BY rp.publishedAt DESC, rp.id LIMIT 1 }),
  values: COLLECT { MATCH (r)-[rv:HAS_VALUE]->(rx:Metric) OPTIONAL MATCH (l)-[rm:MEASURES]->(rx)
    WITH rv, rx ORDER BY rm.position, rx.name
    RETURN { metric: ${metricProjection('rx')}, raw: rv.raw, value: rv.value } }${more ? `,\n  ${more}` : ''} }`;
}

const RESULTS_OF_PAPERS = cypher(
  'result.ofPapers',
  `
UNWIND $ids AS id
MATCH (:Paper {id: id})<-[:FROM_PAPER]-(r:Result)-[:ON_LEADERBOARD]->(l:Leaderboard)
WITH id, r, l ORDER BY id, l.id, r.modelName, r.id
RETURN id AS key, ${resultProjection(resultDetails(`leaderboard: ${LEADERBOARD_PROJECTION}`))} AS value
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

/** A result as read with `resultDetails`: its preloaded values made MetricValues too. */
export function withPreloaded(result: Result): Result {
  const preloaded = result.preloaded as (Omit<PreloadedResult, 'values'> & { values: MetricValueRow[] }) | undefined;
  if (!preloaded) return result;
  return { ...result, preloaded: { ...preloaded, values: preloaded.values.map(toMetricValue) } };
}

export class ResultRepository {
  constructor(private readonly db: Db) {}

  /** Each paper's leaderboard results, by leaderboard then model name. */
  async ofPapers(paperIds: readonly string[]): Promise<Map<string, Result[]>> {
    const rows = await readManyPerKey<Result>(this.db, RESULTS_OF_PAPERS, paperIds);
    return new Map([...rows].map(([id, results]) => [id, results.map(withPreloaded)]));
  }

  async values(resultIds: readonly string[]): Promise<Map<string, MetricValue[]>> {
    const rows = await readManyPerKey<MetricValueRow>(this.db, VALUES_OF_RESULTS, resultIds);
    return new Map([...rows].map(([id, values]) => [id, values.map(toMetricValue)]));
  }
}
