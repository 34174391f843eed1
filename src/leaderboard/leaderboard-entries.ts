import { listKey } from '../db/keyset-list';
import { BadUserInputError } from '../errors';
import type { PageData } from '../graphql/connection';
import type { Context } from '../graphql/context';
import { keysetPage, type PageArgs } from '../graphql/paging';
import { MetricDirection } from '../model/metric';
import { RANK, RANK_ORDER, type EntryQuery } from './entries.repository';
import type { RankedResult } from './leaderboard.type';
import type { Entry } from './ranking';

/**
 * The error for a metric name that means none of `known` (the metrics of `owner`): it lists
 * them, or, when the name matches several in another case, those. Null when the name is known
 * (exactly, or in another case but unambiguously), as the graph's statements resolve it.
 */
export function metricError(owner: string, asked: string, known: string[]): BadUserInputError | null {
  if (known.includes(asked)) return null;
  const sameLetters = known.filter((name) => name.toLowerCase() === asked.toLowerCase());
  if (sameLetters.length === 1) return null;
  const list = (names: string[]) => names.map((name) => `"${name}"`).join(', ');
  return new BadUserInputError(
    sameLetters.length > 1
      ? `"${asked}" matches several metrics of ${owner} that differ only in case: ${list(sameLetters)}; give one exactly.`
      : `${owner} has no metric "${asked}"; its metrics are: ${list(known) || 'none'}.`,
    { argument: 'metric' },
  );
}

/** Refuses a metric the leaderboard does not measure (asked when it answered no rows). */
async function checkMetric(ctx: Context, leaderboardId: string, metric: string | null): Promise<void> {
  if (metric === null) return;
  const metrics = await ctx.loaders.metricsOfLeaderboard.load(leaderboardId);
  const error = metricError(
    `Leaderboard ${leaderboardId}`,
    metric,
    metrics.map((known) => known.name),
  );
  if (error) throw error;
}

/**
 * A page of a leaderboard's ranking on a metric (null: its first), among the rows the query's
 * filter keeps. With `countNow` its count is read along with it.
 */
export async function rankedPage(
  ctx: Context,
  leaderboardId: string,
  query: EntryQuery,
  args: PageArgs,
  countNow = false,
): Promise<PageData<RankedResult>> {
  const page = await keysetPage(
    args,
    RANK,
    {
      orders: { [RANK]: RANK_ORDER },
      page: (_order, limit, after) => ctx.loaders.entryPages({ query, limit }).load(listKey(leaderboardId, after)),
      count: () => ctx.loaders.entryCounts(query).load(leaderboardId),
    },
    countNow,
  );
  if (page.edges.length === 0 && !page.hasPreviousPage) await checkMetric(ctx, leaderboardId, query.metric);
  return page;
}

/** Every row of a leaderboard's ranking, unordered, and the direction of its metric. */
export async function allEntries(
  ctx: Context,
  leaderboardId: string,
  query: EntryQuery,
): Promise<{ entries: Entry[]; direction: MetricDirection }> {
  const entries = await ctx.loaders.allEntries(query).load(leaderboardId);
  if (entries.length === 0) await checkMetric(ctx, leaderboardId, query.metric);
  return { entries, direction: entries[0]?.value.metric.direction ?? MetricDirection.UNKNOWN };
}
