import { CatalogueRepository, type CatalogueDefinition } from '../db/catalogue';
import { readStatement } from '../db/cypher';
import type { GraphReader } from '../db/gateway';
import { firstPerKey, readManyPerKey, readOnePerKey } from '../db/keyed-read';
import { leaderboardProjection, measuredMetric, metricProjection } from '../db/graph-vocabulary';
import { LeaderboardOrder, type LeaderboardListFilter } from './leaderboard-list-filter';
import type { Leaderboard } from './leaderboard.type';
import { toMetric, type Metric } from './metric.type';

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

// The leaderboard a dataset's best result is read from: the dataset's leaderboard (for the task,
// and measuring the metric, when given) with the most results.
const MAIN_LEADERBOARDS = readStatement(
  'leaderboard.mainOfDatasets',
  ($) => `
UNWIND ${$.ids} AS id
CALL (id) {
  MATCH (:Dataset {id: id})<-[:ON_DATASET]-(l:Leaderboard)
  WHERE (${$.task} IS NULL OR EXISTS { (l)-[:FOR_TASK]->(:Task {id: ${$.task}}) })
    AND ${measuredMetric('l', $.metric)} IS NOT NULL
  RETURN l ORDER BY COUNT { (l)<-[:ON_LEADERBOARD]-() } DESC, l.id
  LIMIT 1
}
RETURN id AS key, l.id AS value
`,
);

// The metric names of each dataset's leaderboards (for the task, when given), for the error that
// names them when a metric asked for is none of them.
const METRIC_NAMES_OF_DATASETS = readStatement(
  'leaderboard.metricNamesOfDatasets',
  ($) => `
UNWIND ${$.ids} AS id
RETURN id AS key, COLLECT {
  MATCH (:Dataset {id: id})<-[:ON_DATASET]-(l:Leaderboard)-[:MEASURES]->(x:Metric)
  WHERE ${$.task} IS NULL OR EXISTS { (l)-[:FOR_TASK]->(:Task {id: ${$.task}}) }
  RETURN DISTINCT x.name AS name ORDER BY name
} AS value
`,
);

/** A leaderboard asked for by task and dataset (and optionally the benchmark's name). */
export interface LeaderboardRequest {
  key: string;
  task: string;
  dataset: string;
  benchmark: string | null;
}

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

  /** For each dataset, the id of the leaderboard its best result is read from. */
  mainOfDatasets(datasetIds: readonly string[], task: string | null, metric: string | null) {
    return readOnePerKey<string>(this.db, MAIN_LEADERBOARDS, datasetIds, { task, metric });
  }

  /** The names of the metrics each dataset's leaderboards (for `task`, when given) measure, A to Z. */
  metricNamesOfDatasets(datasetIds: readonly string[], task: string | null) {
    return readOnePerKey<string[]>(this.db, METRIC_NAMES_OF_DATASETS, datasetIds, { task });
  }
}

const LEADERBOARD_CATALOGUE: CatalogueDefinition<LeaderboardListFilter, LeaderboardOrder> = {
  name: 'leaderboard',
  match: 'MATCH (n:Leaderboard)',
  conditions: {
    task: ($) => `EXISTS { (n)-[:FOR_TASK]->(:Task {id: ${$.filter}.task}) }`,
    dataset: ($) => `EXISTS { (n)-[:ON_DATASET]->(:Dataset {id: ${$.filter}.dataset}) }`,
    area: ($) => `EXISTS { (n)-[:FOR_TASK]->(:Task)-[:IN_AREA]->(:Area {id: ${$.filter}.area}) }`,
    minResults: ($) => `COUNT { (n)<-[:ON_LEADERBOARD]-() } >= ${$.filter}.minResults`,
  },
  anchors: {
    task: ($) => `MATCH (:Task {id: ${$.filter}.task})<-[:FOR_TASK]-(n:Leaderboard)`,
    dataset: ($) => `MATCH (:Dataset {id: ${$.filter}.dataset})<-[:ON_DATASET]-(n:Leaderboard)`,
    area: ($) =>
      `MATCH (:Area {id: ${$.filter}.area})<-[:IN_AREA]-(:Task)<-[:FOR_TASK]-(n:Leaderboard)\n  WITH DISTINCT n`,
  },
  orders: {
    [LeaderboardOrder.RESULTS_DESC]: {
      key: 'COUNT { (n)<-[:ON_LEADERBOARD]-() }',
      direction: 'DESC',
      keyType: 'integer',
    },
    // lastSotaAt is kept by the importer (src/db/migrations.ts, LEADERBOARD_LAST_SOTA).
    [LeaderboardOrder.LAST_SOTA_DESC]: {
      key: "coalesce(n.lastSotaAt, date('0001-01-01'))",
      direction: 'DESC',
      keyType: 'date',
    },
    [LeaderboardOrder.NAME_ASC]: { key: 'toLower(n.name)', direction: 'ASC', keyType: 'text' },
  },
  projection: leaderboardProjection('n'),
};

/** The list of all leaderboards, filtered and sorted, a page at a time. */
export class LeaderboardCatalogue extends CatalogueRepository<Leaderboard, LeaderboardListFilter, LeaderboardOrder> {
  constructor(db: GraphReader) {
    super(db, LEADERBOARD_CATALOGUE);
  }
}
