import { readStatement } from '../db/cypher';
import type { GraphReader } from '../db/gateway';
import {
  leaderboardProjection,
  leaderboardValues,
  metricProjection,
  rankAmong,
  rankingKey,
  resultDetails,
  resultProjection,
  signedValue,
} from '../db/graph-vocabulary';
import type { Leaderboard, RankedResult } from '../leaderboard/leaderboard.type';
import { toMetric, type Metric } from '../leaderboard/metric.type';
import { toRankedRow, type MetricValueRow } from '../result/result-rows';
import { MAX_COMPARISONS } from './compare.type';

/**
 * For the papers `ids`, every leaderboard `l` and metric `x` on which at least two have a row with
 * a value; each paper's best row there (its index in `ids`), ranked among every row of `l` on `x`
 * as `entries` ranks them (one more than the rows strictly better; unreadable values last).
 */
const COMPARISONS = readStatement<{ ids: string[]; limit: number }>(
  'compare.papers',
  ($) => `
UNWIND range(0, size(${$.ids}) - 1) AS i
MATCH (:Paper {id: ${$.ids}[i]})<-[:FROM_PAPER]-(r:Result)-[:ON_LEADERBOARD]->(l:Leaderboard)-[m:MEASURES]->(x:Metric)
CALL (r, x) { MATCH (r)-[v:HAS_VALUE]->(x) RETURN v }
WITH i, l, m.position AS position, x, r, v, ${signedValue('x', 'v')} AS signed
ORDER BY ${rankingKey('signed', 'r')}, r.id
WITH i, l, position, x, head(collect({ r: r, v: v, signed: signed })) AS best
WITH l, position, x, collect({ i: i, best: best }) AS bests
WHERE size(bests) >= 2
WITH l, position, x, bests ORDER BY size(bests) DESC, l.id, position
LIMIT ${$.limit}
CALL (l, x) {
  ${leaderboardValues('l', 'x', 'o', 'ov')}
  WITH ${signedValue('x', 'ov')} AS s WHERE s IS NOT NULL
  RETURN collect(s) AS readable
}
UNWIND bests AS b
WITH l, position, x, readable, b.i AS i, b.best.r AS r, b.best.v AS v, b.best.signed AS signed
WITH l, position, x, collect({ index: i,
    rank: ${rankAmong('readable', 'signed')},
    result: ${resultProjection(resultDetails())},
    value: { metric: ${metricProjection('x')}, raw: v.raw, value: v.value } }) AS rows
ORDER BY size(rows) DESC, l.id, position
RETURN { leaderboard: ${leaderboardProjection('l')}, metric: ${metricProjection('x')}, rows: rows } AS value`,
  ['value'],
);

/** A compared paper's best row on a comparison's board: `index` is its place in the ids asked. */
export type ComparedRow = RankedResult & { index: number };

/** A leaderboard and metric at least two of the papers have a row on. */
export interface ComparisonRow {
  leaderboard: Leaderboard;
  metric: Metric;
  rows: ComparedRow[];
}

type StoredRow = Omit<ComparedRow, 'value'> & { value: MetricValueRow };

/** Head-to-head comparisons of papers on the leaderboards they share. */
export class CompareRepository {
  constructor(private readonly db: GraphReader) {}

  /** The comparisons of the papers `ids` (at most MAX_COMPARISONS). */
  async of(ids: readonly string[]): Promise<ComparisonRow[]> {
    const rows = await this.db.read<{
      value: { leaderboard: Leaderboard; metric: Parameters<typeof toMetric>[0]; rows: StoredRow[] };
    }>(COMPARISONS, { ids, limit: MAX_COMPARISONS });
    return rows.map(({ value }) => ({
      leaderboard: value.leaderboard,
      metric: toMetric(value.metric),
      rows: value.rows.map(toRankedRow),
    }));
  }
}
