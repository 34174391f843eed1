import { readStatement } from '../db/cypher';
import type { GraphReader } from '../db/gateway';
import { firstPerKey, readManyPerKey, readOnePerKey } from '../db/keyed-read';
import { leaderboardProjection, metricProjection, resultDetails, resultProjection } from '../db/graph-vocabulary';
import { toMetricValue, withPreloaded } from '../result/result-rows';
import type { Leaderboard } from './leaderboard.type';
import { toMetric, type Metric } from './metric.type';
import type { Entry } from './ranking';

const LEADERBOARD_PROJECTION = leaderboardProjection('l');
const METRIC_PROJECTION = metricProjection('x');

const LEADERBOARDS_BY_ID = readStatement(
  'leaderboard.byIds',
  ($) => `
UNWIND ${$.ids} AS id
MATCH (l:Leaderboard {id: id})
RETURN id AS key, ${LEADERBOARD_PROJECTION} AS value
`,
);

// A task on a dataset can have several leaderboards (splits such as "test-clean" and
// "test-other"): the one named as the benchmark asked for, else the one named as the dataset,
// else the one with the most results.
const LEADERBOARDS_BY_TASK_AND_DATASET = readStatement(
  'leaderboard.byTaskAndDataset',
  ($) => `
UNWIND ${$.ids} AS req
CALL (req) {
  MATCH (:Task {id: req.task})<-[:FOR_TASK]-(l:Leaderboard)-[:ON_DATASET]->(d:Dataset {id: req.dataset})
  WHERE req.benchmark IS NULL OR toLower(l.name) = toLower(req.benchmark)
  RETURN l ORDER BY CASE WHEN toLower(l.name) = toLower(d.name) THEN 0 ELSE 1 END,
    COUNT { (l)<-[:ON_LEADERBOARD]-() } DESC, l.id
  LIMIT 1
}
RETURN req.key AS key, ${LEADERBOARD_PROJECTION} AS value
`,
);

function leaderboardsOf(name: string, pattern: string) {
  return readStatement(
    name,
    ($) => `
UNWIND ${$.ids} AS id
MATCH ${pattern}
WITH id, l, COUNT { (l)<-[:ON_LEADERBOARD]-() } AS results ORDER BY id, results DESC, l.id
${firstPerKey($.limit, 'l')}
RETURN id AS key, ${LEADERBOARD_PROJECTION} AS value
`,
  );
}

const LEADERBOARDS_OF_TASKS = leaderboardsOf('leaderboard.ofTasks', '(:Task {id: id})<-[:FOR_TASK]-(l:Leaderboard)');
const LEADERBOARDS_OF_DATASETS = leaderboardsOf(
  'leaderboard.ofDatasets',
  '(:Dataset {id: id})<-[:ON_DATASET]-(l:Leaderboard)',
);

const METRICS = readStatement(
  'leaderboard.metrics',
  ($) => `
UNWIND ${$.ids} AS id
MATCH (:Leaderboard {id: id})-[m:MEASURES]->(x:Metric)
WITH id, x ORDER BY id, m.position
RETURN id AS key, ${METRIC_PROJECTION} AS value
`,
);

// The rows of each leaderboard with their value on the metric asked for (default: the
// leaderboard's first metric), best first (readable values in the metric's direction, unknown
// counting higher as better, then earlier, then by name), the first $limit of them; rows without
// a value on the metric are not part of its ranking. ranking.ts ranks them. A page of rows (not
// the whole history) brings each result's paper and values along (RESULT_DETAILS).
const entriesStatement = (name: string, result: string) =>
  readStatement(
    name,
    ($) => `
UNWIND ${$.ids} AS id
MATCH (l:Leaderboard {id: id})
WITH id, l, coalesce(${$.metric}, head(COLLECT { MATCH (l)-[m:MEASURES]->(x:Metric) RETURN x.name ORDER BY m.position })) AS metricName
MATCH (l)<-[:ON_LEADERBOARD]-(r:Result)-[v:HAS_VALUE]->(x:Metric {name: metricName})
WITH id, l, r, v, x
ORDER BY id, v.value IS NULL, CASE WHEN x.direction = 'LOWER_IS_BETTER' THEN v.value ELSE -v.value END,
  coalesce(toString(r.date), '9999'), r.modelName, r.id
WITH id, collect({ l: l, r: r, v: v, x: x })[..${$.limit}] AS rows
UNWIND rows AS row
WITH id, row.l AS l, row.r AS r, row.v AS v, row.x AS x
RETURN id AS key, { result: ${result}, value: { metric: ${METRIC_PROJECTION}, raw: v.raw, value: v.value } } AS value
`,
  );
const ENTRIES = entriesStatement('leaderboard.entries', resultProjection());
const ENTRIES_WITH_DETAILS = entriesStatement('leaderboard.entriesWithDetails', resultProjection(resultDetails()));

// The leaderboard a dataset's best result is read from: the dataset's leaderboard (for the task,
// and measuring the metric, when given) with the most results.
const MAIN_LEADERBOARDS = readStatement(
  'leaderboard.mainOfDatasets',
  ($) => `
UNWIND ${$.ids} AS id
CALL (id) {
  MATCH (:Dataset {id: id})<-[:ON_DATASET]-(l:Leaderboard)
  WHERE (${$.task} IS NULL OR EXISTS { (l)-[:FOR_TASK]->(:Task {id: ${$.task}}) })
    AND (${$.metric} IS NULL OR EXISTS { (l)-[:MEASURES]->(:Metric {name: ${$.metric}}) })
  RETURN l ORDER BY COUNT { (l)<-[:ON_LEADERBOARD]-() } DESC, l.id
  LIMIT 1
}
RETURN id AS key, l.id AS value
`,
);

/** A leaderboard asked for by task and dataset (and optionally the benchmark's name). */
export interface LeaderboardRequest {
  key: string;
  task: string;
  dataset: string;
  benchmark: string | null;
}

/** A list-slice bound that keeps every row (Cypher wants a 32-bit integer there). */
const ALL_ROWS = 2 ** 31 - 1;

type EntryRow = Omit<Entry, 'value'> & { value: Parameters<typeof toMetricValue>[0] };

export class LeaderboardRepository {
  constructor(private readonly db: GraphReader) {}

  byIds(ids: readonly string[]): Promise<Map<string, Leaderboard>> {
    return readOnePerKey(this.db, LEADERBOARDS_BY_ID, ids);
  }

  byTaskAndDataset(requests: readonly LeaderboardRequest[]): Promise<Map<string, Leaderboard>> {
    return readOnePerKey(this.db, LEADERBOARDS_BY_TASK_AND_DATASET, requests);
  }

  /** Each task's `limit` leaderboards with the most results. */
  ofTasks(taskIds: readonly string[], limit: number): Promise<Map<string, Leaderboard[]>> {
    return readManyPerKey(this.db, LEADERBOARDS_OF_TASKS, taskIds, { limit });
  }

  /** Each dataset's `limit` leaderboards with the most results. */
  ofDatasets(datasetIds: readonly string[], limit: number): Promise<Map<string, Leaderboard[]>> {
    return readManyPerKey(this.db, LEADERBOARDS_OF_DATASETS, datasetIds, { limit });
  }

  /** Each leaderboard's metrics in the table's order. */
  async metrics(leaderboardIds: readonly string[]): Promise<Map<string, Metric[]>> {
    const rows = await readManyPerKey<Parameters<typeof toMetric>[0]>(this.db, METRICS, leaderboardIds);
    return new Map([...rows].map(([id, metrics]) => [id, metrics.map(toMetric)]));
  }

  /**
   * Each leaderboard's best `limit` rows (null: all of them) with their value on `metric` (null:
   * the leaderboard's first metric), best first.
   */
  async entries(
    leaderboardIds: readonly string[],
    metric: string | null,
    limit: number | null,
  ): Promise<Map<string, Entry[]>> {
    const rows = await readManyPerKey<EntryRow>(
      this.db,
      limit === null ? ENTRIES : ENTRIES_WITH_DETAILS,
      leaderboardIds,
      {
        metric,
        limit: limit ?? ALL_ROWS,
      },
    );
    return new Map(
      [...rows].map(([id, entries]) => [
        id,
        entries.map((entry) => ({ result: withPreloaded(entry.result), value: toMetricValue(entry.value) })),
      ]),
    );
  }

  /** For each dataset, the id of the leaderboard its best result is read from. */
  mainOfDatasets(datasetIds: readonly string[], task: string | null, metric: string | null) {
    return readOnePerKey<string>(this.db, MAIN_LEADERBOARDS, datasetIds, { task, metric });
  }
}
