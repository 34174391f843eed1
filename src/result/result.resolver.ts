import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Dataset } from '../dataset/dataset.type';
import type { Context } from '../graphql/context';
import { Leaderboard } from '../leaderboard/leaderboard.type';
import { Paper } from '../paper/paper.type';
import { Task } from '../task/task.type';
import { MetricValue, Result } from './result.type';

@Resolver(() => Result)
export class ResultResolver {
  @FieldResolver(() => Paper, { nullable: true, description: 'The paper of the result; null when the graph lacks it.' })
  paper(@Root() result: Result, @Ctx() ctx: Context) {
    return ctx.loaders.paperOfResult.load(result.id);
  }

  @FieldResolver(() => Leaderboard, { description: 'The leaderboard the result is on.' })
  async leaderboard(@Root() result: Result, @Ctx() ctx: Context) {
    return ctx.loaders.leaderboardById.load(result.leaderboardId);
  }

  @FieldResolver(() => Task, { description: 'The task of its leaderboard.' })
  async task(@Root() result: Result, @Ctx() ctx: Context) {
    const leaderboard = await ctx.loaders.leaderboardById.load(result.leaderboardId);
    return leaderboard && ctx.loaders.taskById.load(leaderboard.taskId);
  }

  @FieldResolver(() => Dataset, { description: 'The dataset of its leaderboard.' })
  async dataset(@Root() result: Result, @Ctx() ctx: Context) {
    const leaderboard = await ctx.loaders.leaderboardById.load(result.leaderboardId);
    return leaderboard && ctx.loaders.datasetById.load(leaderboard.datasetId);
  }

  @FieldResolver(() => [MetricValue], { description: 'Its values on every metric it has, in the leaderboard’s order.' })
  values(@Root() result: Result, @Ctx() ctx: Context) {
    return ctx.loaders.valuesOfResult.load(result.id);
  }
}
