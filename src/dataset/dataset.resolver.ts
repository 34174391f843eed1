import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { connectionType } from '../graphql/connection';
import type { Context } from '../graphql/context';
import { FirstArg, pageSize } from '../graphql/paging';
import { leaderboardEntries } from '../leaderboard/leaderboard-entries';
import { Leaderboard } from '../leaderboard/leaderboard.type';
import { rankEntries } from '../leaderboard/ranking';
import { PaperConnection, paperConnection, PaperListArgs } from '../paper/paper-list';
import { Paper } from '../paper/paper.type';
import { Result } from '../result/result.type';
import { Task } from '../task/task.type';
import { DatasetFilter, DatasetOrder } from './dataset-filter';
import { Dataset } from './dataset.type';

export const DatasetConnection = connectionType(Dataset, 'Dataset', 'dataset');

@Resolver(() => Dataset)
export class DatasetResolver {
  @Query(() => Dataset, { nullable: true, description: 'A dataset by its id; null when there is none.' })
  dataset(@Arg('id', () => ID, { description: 'The dataset slug, e.g. dreambooth.' }) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.datasetById.load(id);
  }

  @Query(() => DatasetConnection, { description: 'Datasets, filtered and sorted, a page at a time.' })
  async datasets(
    @Arg('filter', () => DatasetFilter, { nullable: true, description: 'Only datasets meeting all these conditions.' })
    filter: DatasetFilter | null,
    @Arg('orderBy', () => DatasetOrder, { nullable: true, description: 'The order (default PAPER_COUNT_DESC).' })
    orderBy: DatasetOrder | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size: 1 to 100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Read after this cursor (an `endCursor`).' })
    after: string | null,
    @Ctx() ctx: Context,
  ) {
    return new DatasetConnection(
      await ctx.repositories.datasets.page({ filter, orderBy, first, after }, DatasetOrder.PAPER_COUNT_DESC),
    );
  }

  @FieldResolver(() => Paper, { nullable: true, description: 'The paper that introduced the dataset.' })
  introducedBy(@Root() dataset: Dataset, @Ctx() ctx: Context) {
    return ctx.loaders.introducingPaperOfDataset.load(dataset.id);
  }

  @FieldResolver(() => [Task], {
    description: 'Tasks the dataset is for: those it lists and those of its leaderboards.',
  })
  tasks(@Root() dataset: Dataset, @FirstArg('tasks') first: number | null, @Ctx() ctx: Context) {
    return ctx.loaders.tasksOfDataset(pageSize(first)).load(dataset.id);
  }

  @FieldResolver(() => [Leaderboard], { description: 'Leaderboards on the dataset, most results first.' })
  leaderboards(@Root() dataset: Dataset, @FirstArg('leaderboards') first: number | null, @Ctx() ctx: Context) {
    return ctx.loaders.leaderboardsOfDataset(pageSize(first)).load(dataset.id);
  }

  @FieldResolver(() => Int, { description: 'How many papers introduced the dataset or have results on it.' })
  paperCount(@Root() dataset: Dataset, @Ctx() ctx: Context) {
    return ctx.loaders.datasetPaperCount.load(dataset.id);
  }

  @FieldResolver(() => PaperConnection, {
    description: 'Papers that introduced the dataset or have results on it, a page at a time.',
  })
  papers(@Root() dataset: Dataset, @Args(() => PaperListArgs) args: PaperListArgs, @Ctx() ctx: Context) {
    return paperConnection(ctx, 'dataset', dataset.id, args);
  }

  @FieldResolver(() => Result, {
    nullable: true,
    description:
      "The best result on the dataset by the metric's direction: on its leaderboard (for `task`, measuring `metric`, when given) with the most results, ranked by `metric` or that leaderboard's first metric. Null when no leaderboard qualifies.",
  })
  async bestResult(
    @Root() dataset: Dataset,
    @Arg('task', () => ID, { nullable: true, description: 'Only leaderboards of this task.' }) task: string | null,
    @Arg('metric', () => String, { nullable: true, description: 'Rank by this metric, e.g. "Overall (CP * PF)".' })
    metric: string | null,
    @Ctx() ctx: Context,
  ) {
    const leaderboardId = await ctx.loaders
      .mainLeaderboardOfDataset({ task: task ?? null, metric: metric ?? null })
      .load(dataset.id);
    if (!leaderboardId) return null;
    const { entries, direction } = await leaderboardEntries(ctx, leaderboardId, metric ?? null, 1);
    return rankEntries(entries, direction)[0]?.result ?? null;
  }
}
