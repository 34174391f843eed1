import type { GraphQLResolveInfo } from 'graphql';
import { DateResolver } from 'graphql-scalars';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { Dataset } from '../dataset/dataset.type';
import { BadUserInputError } from '../errors';
import type { Context } from '../graphql/context';
import { FirstArgs, givenValues, keysetPage, PageArgs } from '../graphql/paging';
import { selects } from '../graphql/prefetch';
import { Task } from '../task/task.type';
import { allEntries, rankedPage } from './leaderboard-entries';
import { LeaderboardFilter, rowFilter } from './leaderboard-filter';
import { LeaderboardListFilter, LeaderboardOrder } from './leaderboard-list-filter';
import { leaderboardRequestKey } from './leaderboard.loader';
import { Leaderboard, LeaderboardConnection, RankedResult, RankedResultConnection, SotaStep } from './leaderboard.type';
import { Metric } from './metric.type';
import { sotaSteps } from './ranking';

const METRIC_ARGUMENT = 'The metric to rank by, e.g. "F1" (default: the first; any case when unambiguous).';

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

  @Query(() => LeaderboardConnection, {
    description:
      'Leaderboards, filtered and sorted, a page at a time: the most results first, or the latest state of the art first.',
  })
  async leaderboards(
    @Arg('filter', () => LeaderboardListFilter, {
      nullable: true,
      description: 'Only leaderboards meeting all these conditions.',
    })
    filter: LeaderboardListFilter | null,
    @Arg('orderBy', () => LeaderboardOrder, { nullable: true, description: 'The order (default RESULTS_DESC).' })
    orderBy: LeaderboardOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    if ((filter?.minResults ?? 0) < 0) {
      throw new BadUserInputError(`\`filter.minResults\` must be 0 or more; got ${filter?.minResults}.`, {
        argument: 'filter.minResults',
      });
    }
    return new LeaderboardConnection(
      await keysetPage(
        { ...page, orderBy },
        LeaderboardOrder.RESULTS_DESC,
        ctx.repositories.leaderboards.list(givenValues(filter ?? {})),
        selects(info, 'totalCount'),
      ),
    );
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
      'The best rows, ranked by the metric’s direction; rows whose value is not a number come last. Rows without a value on the metric are left out. For every row, page through `entries`.',
  })
  async rows(
    @Root() leaderboard: Leaderboard,
    @Arg('metric', () => String, { nullable: true, description: METRIC_ARGUMENT })
    metric: string | null,
    @Args(() => FirstArgs) { first }: FirstArgs,
    @Ctx() ctx: Context,
  ) {
    const page = await rankedPage(ctx, leaderboard.id, { metric: metric ?? null, filter: {} }, { first });
    return page.edges.map((edge) => edge.node);
  }

  @FieldResolver(() => RankedResultConnection, {
    description:
      'Every row with a value on the metric, ranked across pages: equal values share a rank (1, 1, 3), values that are not numbers come last. Under a filter, ranks are computed among the rows it keeps.',
  })
  async entries(
    @Root() leaderboard: Leaderboard,
    @Arg('metric', () => String, { nullable: true, description: METRIC_ARGUMENT })
    metric: string | null,
    @Arg('filter', () => LeaderboardFilter, {
      nullable: true,
      description: 'Only the rows meeting all these conditions.',
    })
    filter: LeaderboardFilter | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    const query = { metric: metric ?? null, filter: rowFilter(filter) };
    return new RankedResultConnection(await rankedPage(ctx, leaderboard.id, query, page, selects(info, 'totalCount')));
  }

  @FieldResolver(() => [SotaStep], {
    description: 'The state of the art over time: each result that beat every earlier one on the metric, oldest first.',
  })
  async sotaHistory(
    @Root() leaderboard: Leaderboard,
    @Arg('metric', () => String, { description: 'The metric, e.g. "Top 1 Accuracy" (any case when unambiguous).' })
    metric: string,
    @Arg('filter', () => LeaderboardFilter, {
      nullable: true,
      description: 'Only the rows meeting all these conditions.',
    })
    filter: LeaderboardFilter | null,
    @Ctx() ctx: Context,
  ) {
    const { entries, direction } = await allEntries(ctx, leaderboard.id, { metric, filter: rowFilter(filter) });
    return sotaSteps(entries, direction);
  }

  @FieldResolver(() => DateResolver, {
    nullable: true,
    description:
      'When the current best on the metric was set: the date of the last step of `sotaHistory`; null when no row has a date and a number.',
  })
  async lastSotaAt(
    @Root() leaderboard: Leaderboard,
    @Arg('metric', () => String, { nullable: true, description: METRIC_ARGUMENT })
    metric: string | null,
    @Arg('filter', () => LeaderboardFilter, {
      nullable: true,
      description: 'Only the rows meeting all these conditions.',
    })
    filter: LeaderboardFilter | null,
    @Ctx() ctx: Context,
  ) {
    const query = { metric: metric ?? null, filter: rowFilter(filter) };
    // The first metric without a filter is what the importer keeps: no rows to read.
    if (query.metric === null && Object.keys(query.filter).length === 0 && leaderboard.storedLastSotaAt) {
      return leaderboard.storedLastSotaAt[0];
    }
    const { entries, direction } = await allEntries(ctx, leaderboard.id, query);
    return sotaSteps(entries, direction).at(-1)?.date ?? null;
  }
}
