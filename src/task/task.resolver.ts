import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { Area } from '../area/area.type';
import { Dataset } from '../dataset/dataset.type';
import { connectionType } from '../graphql/connection';
import type { Context } from '../graphql/context';
import { FirstArgs, givenValues, keysetPage, PageArgs, pageSize } from '../graphql/paging';
import { prefetch, Prefetched, selects } from '../graphql/prefetch';
import { Leaderboard } from '../leaderboard/leaderboard.type';
import { PaperConnection, paperConnection, PaperListArgs } from '../paper/paper-list';
import { RelatedPaper } from '../related/related.type';
import { TaskFilter, TaskOrder } from './task-filter';
import { Task } from './task.type';

export const TaskConnection = connectionType(Task, 'Task', 'task');

type TaskRef = Pick<Task, 'id'>;

@Resolver(() => Task)
export class TaskResolver {
  @Query(() => Task, { nullable: true, description: 'A task by its id; null when there is none.' })
  task(
    @Arg('id', () => ID, { description: 'The task slug, e.g. image-generation.' }) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    prefetch(info, ctx, [{ id }]);
    return ctx.loaders.taskById.load(id);
  }

  @Query(() => TaskConnection, { description: 'Tasks, filtered and sorted, a page at a time.' })
  async tasks(
    @Arg('filter', () => TaskFilter, { nullable: true, description: 'Only tasks meeting all these conditions.' })
    filter: TaskFilter | null,
    @Arg('orderBy', () => TaskOrder, { nullable: true, description: 'The order (default PAPER_COUNT_DESC).' })
    orderBy: TaskOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new TaskConnection(
      await keysetPage(
        { ...page, orderBy },
        TaskOrder.PAPER_COUNT_DESC,
        ctx.repositories.tasks.list(givenValues(filter ?? {})),
        selects(info, 'totalCount'),
      ),
    );
  }

  @Prefetched()
  @FieldResolver(() => [Area], { description: 'The research areas the task belongs to.' })
  areas(@Root() task: TaskRef, @Ctx() ctx: Context) {
    return ctx.loaders.areasOfTask.load(task.id);
  }

  @Prefetched()
  @FieldResolver(() => Task, { nullable: true, description: 'The broader task this one is a subtask of.' })
  parent(@Root() task: TaskRef, @Ctx() ctx: Context) {
    return ctx.loaders.parentOfTask.load(task.id);
  }

  @Prefetched()
  @FieldResolver(() => [Task], { description: 'Narrower tasks, by name.' })
  subtasks(@Root() task: TaskRef, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: Context) {
    return ctx.loaders.subtasksOfTask(pageSize(first)).load(task.id);
  }

  @Prefetched()
  @FieldResolver(() => PaperConnection, { description: 'Papers that address the task, a page at a time.' })
  papers(@Root() task: TaskRef, @Args(() => PaperListArgs) args: PaperListArgs, @Ctx() ctx: Context) {
    return paperConnection(ctx, 'task', task.id, args);
  }

  @Prefetched()
  @FieldResolver(() => [Dataset], {
    description: 'Datasets for the task: those that list it and those of its leaderboards.',
  })
  datasets(@Root() task: TaskRef, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: Context) {
    return ctx.loaders.datasetsOfTask(pageSize(first)).load(task.id);
  }

  @Prefetched()
  @FieldResolver(() => [Leaderboard], { description: "The task's leaderboards, most results first." })
  leaderboards(@Root() task: TaskRef, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: Context) {
    return ctx.loaders.leaderboardsOfTask(pageSize(first)).load(task.id);
  }

  @Prefetched()
  @FieldResolver(() => [RelatedPaper], {
    description:
      'Papers most related to the task: through it and its subtasks, its leaderboards and its datasets, with reasons.',
  })
  relatedPapers(@Root() task: TaskRef, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: Context) {
    return ctx.loaders.relatedToTask(pageSize(first)).load(task.id);
  }
}
