import { composedRead, type InputRefs } from '../db/cypher';
import type { GraphReader } from '../db/gateway';
import {
  leaderboardValues,
  measuredMetric,
  metricProjection,
  rankAmong,
  rankingKey,
  resultDetails,
  resultProjection,
  signedValue,
} from '../db/graph-vocabulary';
import { groupByKey, type KeyedRow } from '../db/keyed-read';
import type { KeysetRow, SortSpec } from '../db/keyset';
import {
  countStatement,
  givenKeys,
  pageStatement,
  readCounts,
  readPages,
  whereClause,
  type Condition,
  type ListInputs,
  type ListRequest,
} from '../db/keyset-list';
import { keysetCondition, orderClause } from '../db/keyset';
import { toMetricValue, toRankedRow, type MetricValueRow } from '../result/result-rows';
import type { RankedResult } from './leaderboard.type';
import type { RowFilter } from './leaderboard-filter';
import type { Entry } from './ranking';

const METRIC_PROJECTION = metricProjection('x');

/** Each filter condition over a row `r`, reading its value from the filter input. */
const ROW_CONDITION: Record<keyof RowFilter, Condition> = {
  usesAdditionalData: ($) => `coalesce(r.usesAdditionalData, false) = ${$.filter}.usesAdditionalData`,
  hasCode: ($) =>
    `(size(coalesce(r.codeLinks, [])) > 0 OR EXISTS { (r)-[:FROM_PAPER]->(:Paper)-[:HAS_CODE]->() }) = ${$.filter}.hasCode`,
  from: ($) => `r.date >= date(${$.filter}.from)`,
  to: ($) => `r.date <= date(${$.filter}.to)`,
};

/** What an entries statement reads besides the lists: the metric asked for (null: the first). */
type EntryInputs = ListInputs & { metric: string | null };

/** The statement bodies of the list engine read the metric too. */
const entryRefs = ($: InputRefs<ListInputs>) => $ as InputRefs<EntryInputs>;

/**
 * The rows of leaderboard `req.scope` kept by the filter that have a value on the metric, as
 * `l`, `x`, `r`, `v`.
 */
function filteredRows(given: (keyof RowFilter)[], $: InputRefs<EntryInputs>): string {
  return `MATCH (l:Leaderboard {id: req.scope})
  WITH l, ${measuredMetric('l', $.metric)} AS x
  ${leaderboardValues('l', 'x')}
  ${whereClause(
    'req, l, x, r, v',
    given.map((key) => ROW_CONDITION[key]($)),
  )}`;
}

/** The ranking order (rankingKey); the result id breaks ties. */
export const RANK_ORDER: SortSpec = { key: rankingKey('signed', 'r'), direction: 'ASC', keyType: 'ranking' };
export const RANK = 'RANK';

const SIGNED = signedValue('x', 'v');

/**
 * A page of each leaderboard's ranking after the cursor. A row's rank is one more than the rows
 * kept that are strictly better, so ties share a rank (1, 1, 3) on every page; unreadable values
 * share the rank after every readable one. Ranks are computed for the page's rows only, after the
 * limit (each is a pass over the leaderboard's values). Each row brings its paper and values
 * (RESULT_DETAILS).
 */
function pageOfEntries(given: (keyof RowFilter)[]) {
  return pageStatement(
    'leaderboard.entryPages',
    given.join(','),
    `{ id: r.id, rank: rank, result: ${resultProjection(resultDetails())},
      value: { metric: ${METRIC_PROJECTION}, raw: v.raw, value: v.value } }`,
    ($) => `${filteredRows(given, entryRefs($))}
  WITH l, x, r, v, ${SIGNED} AS signed
  WITH l, x, collect({ r: r, v: v, signed: signed }) AS rows
  WITH l, x, rows, [row IN rows WHERE row.signed IS NOT NULL | row.signed] AS readable
  UNWIND rows AS row
  WITH l, x, readable, row.r AS r, row.v AS v, row.signed AS signed
  WITH l, x, readable, r, v, signed, ${RANK_ORDER.key} AS sortKey
  WHERE ${keysetCondition(RANK_ORDER, 'sortKey', 'r.id', 'req.after')}
  WITH l, x, readable, r, v, signed, sortKey
  ${orderClause(RANK_ORDER, 'sortKey', 'r.id')}
  LIMIT ${$.limit}
  WITH l, x, r, v, sortKey,
    ${rankAmong('readable', 'signed')} AS rank
  ${orderClause(RANK_ORDER, 'sortKey', 'r.id')}
  RETURN l, x, r, v, sortKey, rank`,
  );
}

function countOfEntries(given: (keyof RowFilter)[]) {
  return countStatement(
    'leaderboard.entryCounts',
    given.join(','),
    ($) => `${filteredRows(given, entryRefs($))}\n  RETURN count(r) AS total`,
  );
}

/** Every row of each leaderboard kept by the filter with its value on the metric (for the state of the art over time). */
function allEntries(given: (keyof RowFilter)[]) {
  return composedRead<EntryInputs>(
    'leaderboard.allEntries',
    given.join(','),
    ($) => `
UNWIND ${$.requests} AS req
CALL (req) {
  ${filteredRows(given, $)}
  RETURN l, x, r, v
}
RETURN req.key AS key, { result: ${resultProjection()}, value: { metric: ${METRIC_PROJECTION}, raw: v.raw, value: v.value } } AS value`,
  );
}

type RankedRow = Omit<RankedResult, 'value'> & { id: string; value: MetricValueRow };
type EntryRow = Omit<Entry, 'value'> & { value: MetricValueRow };

/** A question about leaderboards' rows: the metric (null: each one's first) and the filter. */
export interface EntryQuery {
  metric: string | null;
  filter: RowFilter;
}

/** Reads leaderboards' rows on a metric: ranked pages, their counts, and all rows. */
export class EntryRepository {
  constructor(private readonly db: GraphReader) {}

  /** For each request (a leaderboard and a cursor), the next `limit` rows of its ranking. */
  async pages(
    query: EntryQuery,
    limit: number,
    requests: ListRequest[],
  ): Promise<Map<string, KeysetRow<RankedResult>[]>> {
    const given = givenKeys(ROW_CONDITION, query.filter);
    const pages = await readPages<RankedRow>(this.db, pageOfEntries(given), {
      requests,
      filter: query.filter,
      metric: query.metric,
      limit,
    });
    return new Map(
      [...pages].map(([key, rows]) => [
        key,
        rows.map(({ node, sortKey }) => ({
          node: toRankedRow(node),
          sortKey,
        })),
      ]),
    );
  }

  /** How many rows each leaderboard's ranking holds. */
  counts(query: EntryQuery, leaderboardIds: readonly string[]): Promise<Map<string, number>> {
    const given = givenKeys(ROW_CONDITION, query.filter);
    return readCounts(this.db, countOfEntries(given), {
      requests: leaderboardIds.map((id) => ({ key: id, scope: id })),
      filter: query.filter,
      metric: query.metric,
    });
  }

  /** Every row of each leaderboard's ranking, in no particular order. */
  async all(query: EntryQuery, leaderboardIds: readonly string[]): Promise<Map<string, Entry[]>> {
    const given = givenKeys(ROW_CONDITION, query.filter);
    const rows = await this.db.read<KeyedRow<EntryRow>>(allEntries(given), {
      requests: leaderboardIds.map((id) => ({ key: id, scope: id })),
      filter: query.filter,
      metric: query.metric,
    });
    return new Map(
      [...groupByKey(rows)].map(([id, entries]) => [
        id,
        entries.map((entry) => ({ result: entry.result, value: toMetricValue(entry.value) })),
      ]),
    );
  }
}
