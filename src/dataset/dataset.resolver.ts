import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { connectionType } from '../graphql/connection';
import type { Context } from '../graphql/context';
import { FirstArg } from '../graphql/paging';
import { pageSizeOf, prefetch, selects, type FieldLoads, type FirstArgs } from '../graphql/prefetch';
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

type DatasetRef = Pick<Dataset, 'id'>;

/** The best result on a dataset's main leaderboard (for `task`, on `metric`, when given). */
async function bestResultOf(ctx: Context, dataset: DatasetRef, args: { task?: unknown; metric?: unknown }) {
  const task = (args.task as string | null | undefined) ?? null;
  const metric = (args.metric as string | null | undefined) ?? null;
  const leaderboardId = await ctx.loaders.mainLeaderboardOfDataset({ task, metric }).load(dataset.id);
  if (!leaderboardId) return null;
  const { entries, direction } = await leaderboardEntries(ctx, leaderboardId, metric, 1);
  return rankEntries(entries, direction)[0]?.result ?? null;
}

/** The loads behind a dataset's fields: its resolvers return them, and `dataset(id)` starts them early. */
const DATASET_LOADS = {
  introducedBy: (ctx: Context, dataset: DatasetRef) => ctx.loaders.introducingPaperOfDataset.load(dataset.id),
  tasks: (ctx: Context, dataset: DatasetRef, args: FirstArgs) =>
    ctx.loaders.tasksOfDataset(pageSizeOf(args)).load(dataset.id),
  leaderboards: (ctx: Context, dataset: DatasetRef, args: FirstArgs) =>
    ctx.loaders.leaderboardsOfDataset(pageSizeOf(args)).load(dataset.id),
  paperCount: (ctx: Context, dataset: DatasetRef) => ctx.loaders.datasetPaperCount.load(dataset.id),
  papers: (ctx: Context, dataset: DatasetRef, args: PaperListArgs) => paperConnection(ctx, 'dataset', dataset.id, args),
  bestResult: bestResultOf,
} satisfies FieldLoads<DatasetRef>;

@Resolver(() => Dataset)
export class DatasetResolver {
  @Query(() => Dataset, { nullable: true, description: 'A dataset by its id; null when there is none.' })
  dataset(
    @Arg('id', () => ID, { description: 'The dataset slug, e.g. dreambooth.' }) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    prefetch(info, ctx, [{ id }], DATASET_LOADS);
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
    @Info() info: GraphQLResolveInfo,
  ) {
    return new DatasetConnection(
      await ctx.repositories.datasets.page(
        { filter, orderBy, first, after },
        DatasetOrder.PAPER_COUNT_DESC,
        selects(info, 'totalCount'),
      ),
    );
  }

  @FieldResolver(() => Paper, { nullable: true, description: 'The paper that introduced the dataset.' })
  introducedBy(@Root() dataset: Dataset, @Ctx() ctx: Context) {
    return DATASET_LOADS.introducedBy(ctx, dataset);
  }

  @FieldResolver(() => [Task], {
    description: 'Tasks the dataset is for: those it lists and those of its leaderboards.',
  })
  tasks(@Root() dataset: Dataset, @FirstArg('tasks') first: number | null, @Ctx() ctx: Context) {
    return DATASET_LOADS.tasks(ctx, dataset, { first });
  }

  @FieldResolver(() => [Leaderboard], { description: 'Leaderboards on the dataset, most results first.' })
  leaderboards(@Root() dataset: Dataset, @FirstArg('leaderboards') first: number | null, @Ctx() ctx: Context) {
    return DATASET_LOADS.leaderboards(ctx, dataset, { first });
  }

  @FieldResolver(() => Int, { description: 'How many papers introduced the dataset or have results on it.' })
  paperCount(@Root() dataset: Dataset, @Ctx() ctx: Context) {
    return DATASET_LOADS.paperCount(ctx, dataset);
  }

  @FieldResolver(() => PaperConnection, {
    description: 'Papers that introduced the dataset or have results on it, a page at a time.',
  })
  papers(@Root() dataset: Dataset, @Args(() => PaperListArgs) args: PaperListArgs, @Ctx() ctx: Context) {
    return DATASET_LOADS.papers(ctx, dataset, args);
  }

  @FieldResolver(() => Result, {
    nullable: true,
    description:
      "The best result on the dataset by the metric's direction: on its leaderboard (for `task`, measuring `metric`, when given) with the most results, ranked by `metric` or that leaderboard's first metric. Null when no leaderboard qualifies.",
  })
  bestResult(
    @Root() dataset: Dataset,
    @Arg('task', () => ID, { nullable: true, description: 'Only leaderboards of this task.' }) task: string | null,
    @Arg('metric', () => String, { nullable: true, description: 'Rank by this metric, e.g. "Overall (CP * PF)".' })
    metric: string | null,
    @Ctx() ctx: Context,
  ) {
    return bestResultOf(ctx, dataset, { task, metric });
  }
}
