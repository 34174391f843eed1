import { BadUserInputError } from '../errors';
import type { Context } from '../graphql/context';
import { MetricDirection } from '../model/metric';
import type { Entry } from './ranking';

/**
 * A leaderboard's best `limit` rows (null: all) on a metric (null: its first metric), best first,
 * and that metric's direction. A metric the leaderboard does not measure is the client's mistake:
 * the error lists the ones it does.
 */
export async function leaderboardEntries(
  ctx: Context,
  leaderboardId: string,
  metric: string | null,
  limit: number | null,
): Promise<{ entries: Entry[]; direction: MetricDirection }> {
  const entries = await ctx.loaders.leaderboardEntries({ metric, limit }).load(leaderboardId);
  if (metric !== null && entries.length === 0) {
    const metrics = await ctx.loaders.metricsOfLeaderboard.load(leaderboardId);
    if (!metrics.some((known) => known.name === metric)) {
      throw new BadUserInputError(
        `Leaderboard ${leaderboardId} has no metric "${metric}"; its metrics are: ${metrics.map((known) => `"${known.name}"`).join(', ')}.`,
        { argument: 'metric' },
      );
    }
  }
  return { entries, direction: entries[0]?.value.metric.direction ?? MetricDirection.UNKNOWN };
}
