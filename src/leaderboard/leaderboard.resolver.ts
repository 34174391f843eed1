import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Dataset } from '../dataset/dataset.type';
import type { Context } from '../graphql/context';
import { FirstArgs, pageSize } from '../graphql/paging';
import { Task } from '../task/task.type';
import { leaderboardEntries } from './leaderboard-entries';
import { leaderboardRequestKey } from './leaderboard.loader';
import { Leaderboard, RankedResult, SotaStep } from './leaderboard.type';
import { Metric } from './metric.type';
import { rankEntries, sotaSteps } from './ranking';

@Resolver(() => Leaderboard)
export class LeaderboardResolver {
  @Query(() => Leaderboard, {
    nullable: true,
    description:
      'The leaderboard of a task on a dataset; null when there is none. When the pair has several (splits such as "test-clean" and "test-other"), `benchmark` picks one by name; without it, the one named as the dataset, else the one with the most results.',
  })
  leaderboard(
    @Arg('task', () => ID, { description: 'The task id, e.g. personalized-image-generation.' }) task: string,
    @Arg('dataset', () => ID, { description: 'The dataset id, e.g. dreambooth.' }) dataset: string,
    @Arg('benchmark', () => String, {
      nullable: true,
      description: 'The benchmark name as the leaderboard gives it, e.g. "LibriSpeech test-other" (any case).',
    })
    benchmark: string | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.loaders.leaderboardByTaskAndDataset.load(leaderboardRequestKey(task, dataset, benchmark ?? null));
  }

  @Query(() => Leaderboard, { nullable: true, description: 'A leaderboard by its id; null when there is none.' })
  leaderboardById(
    @Arg('id', () => ID, { description: 'The leaderboard slug, e.g. image-classification-on-imagenet.' }) id: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.loaders.leaderboardById.load(id);
  }

  @FieldResolver(() => Task, { description: 'The task it ranks.' })
  task(@Root() leaderboard: Leaderboard, @Ctx() ctx: Context) {
    return ctx.loaders.taskById.load(leaderboard.taskId);
  }

  @FieldResolver(() => Dataset, { description: 'The dataset it is measured on.' })
  dataset(@Root() leaderboard: Leaderboard, @Ctx() ctx: Context) {
    return ctx.loaders.datasetById.load(leaderboard.datasetId);
  }

  @FieldResolver(() => [Metric], {
    description: 'Its metrics, in the table’s order; the first is the default ranking.',
  })
  metrics(@Root() leaderboard: Leaderboard, @Ctx() ctx: Context) {
    return ctx.loaders.metricsOfLeaderboard.load(leaderboard.id);
  }

  @FieldResolver(() => [RankedResult], {
    description:
      'Rows ranked by the metric’s direction, best first; rows whose value is not a number come last. Rows without a value on the metric are left out.',
  })
  async rows(
    @Root() leaderboard: Leaderboard,
    @Arg('metric', () => String, { nullable: true, description: 'The metric to rank by (default: the first).' })
    metric: string | null,
    @Args(() => FirstArgs) { first }: FirstArgs,
    @Ctx() ctx: Context,
  ) {
    const { entries, direction } = await leaderboardEntries(ctx, leaderboard.id, metric ?? null, pageSize(first));
    return rankEntries(entries, direction);
  }

  @FieldResolver(() => [SotaStep], {
    description: 'The state of the art over time: each result that beat every earlier one on the metric, oldest first.',
  })
  async sotaHistory(
    @Root() leaderboard: Leaderboard,
    @Arg('metric', () => String, { description: 'The metric, e.g. "Top 1 Accuracy".' }) metric: string,
    @Ctx() ctx: Context,
  ) {
    const { entries, direction } = await leaderboardEntries(ctx, leaderboard.id, metric, null);
    return sotaSteps(entries, direction);
  }
}
