import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { Dataset } from '../dataset/dataset.type';
import type { Context } from '../graphql/context';
import { Leaderboard } from '../leaderboard/leaderboard.type';
import { Paper } from '../paper/paper.type';
import { Task } from '../task/task.type';
import { MetricValue, Result } from './result.type';
import { Provenance } from './provenance.type';

/** A result's leaderboard: the one read with it, or through the loader. */
function leaderboardOf(result: Result, ctx: Context) {
  return result.preloaded?.leaderboard ?? ctx.loaders.leaderboardById.load(result.leaderboardId);
}

/** Fields of a result answer from what was read with it (`preloaded`) when there is, else through loaders. */
@Resolver(() => Result)
export class ResultResolver {
  @FieldResolver(() => Paper, { nullable: true, description: 'The paper of the result; null when the graph lacks it.' })
  paper(@Root() result: Result, @Ctx() ctx: Context) {
    return result.preloaded ? result.preloaded.paper : ctx.loaders.paperOfResult.load(result.id);
  }

  @FieldResolver(() => Leaderboard, { description: 'The leaderboard the result is on.' })
  leaderboard(@Root() result: Result, @Ctx() ctx: Context) {
    return leaderboardOf(result, ctx);
  }

  @FieldResolver(() => Task, { description: 'The task of its leaderboard.' })
  async task(@Root() result: Result, @Ctx() ctx: Context) {
    const leaderboard = await leaderboardOf(result, ctx);
    return leaderboard && ctx.loaders.taskById.load(leaderboard.taskId);
  }

  @FieldResolver(() => Dataset, { description: 'The dataset of its leaderboard.' })
  async dataset(@Root() result: Result, @Ctx() ctx: Context) {
    const leaderboard = await leaderboardOf(result, ctx);
    return leaderboard && ctx.loaders.datasetById.load(leaderboard.datasetId);
  }

  @FieldResolver(() => Provenance, {
    description: 'Where the result comes from: the archive, or an accepted submission.',
  })
  async provenance(@Root() result: Result, @Ctx() ctx: Context) {
    return ctx.loaders.provenanceOfResult.load(result.id);
  }

  @FieldResolver(() => [MetricValue], { description: 'Its values on every metric it has, in the leaderboard’s order.' })
  values(@Root() result: Result, @Ctx() ctx: Context) {
    return result.preloaded ? result.preloaded.values : ctx.loaders.valuesOfResult.load(result.id);
  }
}
