import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Int, Query, Resolver, Root } from 'type-graphql';
import { connectionType } from '../graphql/connection';
import type { Context } from '../graphql/context';
import { FirstArgs, givenValues, keysetPage, PageArgs, pageSize } from '../graphql/paging';
import { prefetch, Prefetched, selects } from '../graphql/prefetch';
import { metricError, rankedPage } from '../leaderboard/leaderboard-entries';
import { Leaderboard } from '../leaderboard/leaderboard.type';
import { PaperConnection, paperConnection, PaperListArgs } from '../paper/paper-list';
import { Paper } from '../paper/paper.type';
import { Result } from '../result/result.type';
import { Task } from '../task/task.type';
import { DatasetFilter, DatasetOrder } from './dataset-filter';
import { Dataset } from './dataset.type';

export const DatasetConnection = connectionType(Dataset, 'Dataset', 'dataset');

type DatasetRef = Pick<Dataset, 'id'>;

/**
 * The best result on a dataset's main leaderboard (for `task`, on `metric`, when given). A metric
 * none of its leaderboards measures is an error that names the ones they do.
 */
async function bestResultOf(ctx: Context, dataset: DatasetRef, task: string | null, metric: string | null) {
  const leaderboardId = await ctx.loaders.mainLeaderboardOfDataset({ task, metric }).load(dataset.id);
  if (!leaderboardId) {
    const known = metric === null ? [] : await ctx.loaders.metricNamesOfDataset(task).load(dataset.id);
    const error = known.length ? metricError(`Dataset ${dataset.id}`, metric as string, known) : null;
    if (error) throw error;
    return null;
  }
  const page = await rankedPage(ctx, leaderboardId, { metric, filter: {} }, { first: 1 });
  return page.edges[0]?.node.result ?? null;
}

@Resolver(() => Dataset)
export class DatasetResolver {
  @Query(() => Dataset, { nullable: true, description: 'A dataset by its id; null when there is none.' })
  dataset(
    @Arg('id', () => ID, { description: 'The dataset slug, e.g. dreambooth.' }) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    prefetch(info, ctx, [{ id }]);
    return ctx.loaders.datasetById.load(id);
  }

  @Query(() => DatasetConnection, { description: 'Datasets, filtered and sorted, a page at a time.' })
  async datasets(
    @Arg('filter', () => DatasetFilter, { nullable: true, description: 'Only datasets meeting all these conditions.' })
    filter: DatasetFilter | null,
    @Arg('orderBy', () => DatasetOrder, { nullable: true, description: 'The order (default PAPER_COUNT_DESC).' })
    orderBy: DatasetOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new DatasetConnection(
      await keysetPage(
        { ...page, orderBy },
        DatasetOrder.PAPER_COUNT_DESC,
        ctx.repositories.datasets.list(givenValues(filter ?? {})),
        selects(info, 'totalCount'),
      ),
    );
  }

  @Prefetched()
  @FieldResolver(() => Paper, { nullable: true, description: 'The paper that introduced the dataset.' })
  introducedBy(@Root() dataset: DatasetRef, @Ctx() ctx: Context) {
    return ctx.loaders.introducingPaperOfDataset.load(dataset.id);
  }

  @Prefetched()
  @FieldResolver(() => [Task], {
    description: 'Tasks the dataset is for: those it lists and those of its leaderboards.',
  })
  tasks(@Root() dataset: DatasetRef, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: Context) {
    return ctx.loaders.tasksOfDataset(pageSize(first)).load(dataset.id);
  }

  @Prefetched()
  @FieldResolver(() => [Leaderboard], { description: 'Leaderboards on the dataset, most results first.' })
  leaderboards(@Root() dataset: DatasetRef, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: Context) {
    return ctx.loaders.leaderboardsOfDataset(pageSize(first)).load(dataset.id);
  }

  @Prefetched()
  @FieldResolver(() => Int, { description: 'How many papers introduced the dataset or have results on it.' })
  paperCount(@Root() dataset: DatasetRef, @Ctx() ctx: Context) {
    return ctx.loaders.datasetPaperCount.load(dataset.id);
  }

  @Prefetched()
  @FieldResolver(() => PaperConnection, {
    description: 'Papers that introduced the dataset or have results on it, a page at a time.',
  })
  papers(@Root() dataset: DatasetRef, @Args(() => PaperListArgs) args: PaperListArgs, @Ctx() ctx: Context) {
    return paperConnection(ctx, 'dataset', dataset.id, args);
  }

  @Prefetched()
  @FieldResolver(() => Result, {
    nullable: true,
    description:
      "The best result on the dataset by the metric's direction: on its leaderboard (for `task`, measuring `metric`, when given) with the most results, ranked by `metric` or that leaderboard's first metric. Null when no leaderboard qualifies.",
  })
  bestResult(
    @Root() dataset: DatasetRef,
    @Arg('task', () => ID, { nullable: true, description: 'Only leaderboards of this task.' }) task: string | null,
    @Arg('metric', () => String, { nullable: true, description: 'Rank by this metric, e.g. "Overall (CP * PF)".' })
    metric: string | null,
    @Ctx() ctx: Context,
  ) {
    return bestResultOf(ctx, dataset, task, metric);
  }
}
