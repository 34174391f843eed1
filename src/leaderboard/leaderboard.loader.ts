import type { GraphReader } from '../db/gateway';
import { batchLoader, loaderFamily } from '../graphql/batch';
import { LeaderboardRepository, type LeaderboardRequest } from './leaderboard.repository';
import type { Leaderboard } from './leaderboard.type';
import type { Metric } from './metric.type';
import type { Entry } from './ranking';
import type { KeysetRow } from '../db/keyset';
import { listRequestOf } from '../db/keyset-list';
import { EntryRepository, type EntryQuery } from './entries.repository';
import type { RankedResult } from './leaderboard.type';

/** The loader key of a leaderboard asked for by task, dataset and benchmark name. */
export function leaderboardRequestKey(task: string, dataset: string, benchmark: string | null): string {
  return JSON.stringify([task, dataset, benchmark]);
}

function requestOf(key: string): LeaderboardRequest {
  const [task, dataset, benchmark] = JSON.parse(key) as [string, string, string | null];
  return { key, task, dataset, benchmark };
}

export function createLeaderboardLoaders(db: GraphReader) {
  const leaderboards = new LeaderboardRepository(db);
  const entries = new EntryRepository(db);
  return {
    leaderboardById: batchLoader<Leaderboard | null>((ids) => leaderboards.byIds(ids), null),
    leaderboardByTaskAndDataset: batchLoader<Leaderboard | null>(
      (keys) => leaderboards.byTaskAndDataset(keys.map(requestOf)),
      null,
    ),
    leaderboardsOfTask: loaderFamily((limit: number) =>
      batchLoader<Leaderboard[]>((ids) => leaderboards.ofTasks(ids, limit), []),
    ),
    leaderboardsOfDataset: loaderFamily((limit: number) =>
      batchLoader<Leaderboard[]>((ids) => leaderboards.ofDatasets(ids, limit), []),
    ),
    metricsOfLeaderboard: batchLoader<Metric[]>((ids) => leaderboards.metrics(ids), []),
    entryPages: loaderFamily((args: { query: EntryQuery; limit: number }) =>
      batchLoader<KeysetRow<RankedResult>[]>(
        (keys) => entries.pages(args.query, args.limit, keys.map(listRequestOf)),
        [],
      ),
    ),
    entryCounts: loaderFamily((query: EntryQuery) => batchLoader<number>((ids) => entries.counts(query, ids), 0)),
    allEntries: loaderFamily((query: EntryQuery) => batchLoader<Entry[]>((ids) => entries.all(query, ids), [])),
    metricNamesOfDataset: loaderFamily((task: string | null) =>
      batchLoader<string[]>((ids) => leaderboards.metricNamesOfDatasets(ids, task), []),
    ),
    mainLeaderboardOfDataset: loaderFamily((args: { task: string | null; metric: string | null }) =>
      batchLoader<string | null>((ids) => leaderboards.mainOfDatasets(ids, args.task, args.metric), null),
    ),
  };
}
