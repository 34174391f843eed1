import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { Area } from '../area/area.type';
import { Dataset } from '../dataset/dataset.type';
import { connectionType } from '../graphql/connection';
import type { Context } from '../graphql/context';
import { FirstArg } from '../graphql/paging';
import { pageSizeOf, prefetch, selects, type FieldLoads, type FirstArgs } from '../graphql/prefetch';
import { Leaderboard } from '../leaderboard/leaderboard.type';
import { PaperConnection, paperConnection, PaperListArgs } from '../paper/paper-list';
import { RelatedPaper } from '../related/related.type';
import { TaskFilter, TaskOrder } from './task-filter';
import { Task } from './task.type';

export const TaskConnection = connectionType(Task, 'Task', 'task');

type TaskRef = Pick<Task, 'id'>;

/** The loads behind a task's fields: its resolvers return them, and `task(id)` starts them early. */
const TASK_LOADS = {
  areas: (ctx: Context, task: TaskRef) => ctx.loaders.areasOfTask.load(task.id),
  parent: (ctx: Context, task: TaskRef) => ctx.loaders.parentOfTask.load(task.id),
  subtasks: (ctx: Context, task: TaskRef, args: FirstArgs) =>
    ctx.loaders.subtasksOfTask(pageSizeOf(args)).load(task.id),
  papers: (ctx: Context, task: TaskRef, args: PaperListArgs) => paperConnection(ctx, 'task', task.id, args),
  datasets: (ctx: Context, task: TaskRef, args: FirstArgs) =>
    ctx.loaders.datasetsOfTask(pageSizeOf(args)).load(task.id),
  leaderboards: (ctx: Context, task: TaskRef, args: FirstArgs) =>
    ctx.loaders.leaderboardsOfTask(pageSizeOf(args)).load(task.id),
  relatedPapers: (ctx: Context, task: TaskRef, args: FirstArgs) =>
    ctx.loaders.relatedToTask(pageSizeOf(args)).load(task.id),
} satisfies FieldLoads<TaskRef>;

@Resolver(() => Task)
export class TaskResolver {
  @Query(() => Task, { nullable: true, description: 'A task by its id; null when there is none.' })
  task(
    @Arg('id', () => ID, { description: 'The task slug, e.g. image-generation.' }) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    prefetch(info, ctx, [{ id }], TASK_LOADS);
    return ctx.loaders.taskById.load(id);
  }

  @Query(() => TaskConnection, { description: 'Tasks, filtered and sorted, a page at a time.' })
  async tasks(
    @Arg('filter', () => TaskFilter, { nullable: true, description: 'Only tasks meeting all these conditions.' })
    filter: TaskFilter | null,
    @Arg('orderBy', () => TaskOrder, { nullable: true, description: 'The order (default PAPER_COUNT_DESC).' })
    orderBy: TaskOrder | null,
    @FirstArg('tasks') first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Read after this cursor (an `endCursor`).' })
    after: string | null,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new TaskConnection(
      await ctx.repositories.tasks.page(
        { filter, orderBy, first, after },
        TaskOrder.PAPER_COUNT_DESC,
        selects(info, 'totalCount'),
      ),
    );
  }

  @FieldResolver(() => [Area], { description: 'The research areas the task belongs to.' })
  areas(@Root() task: Task, @Ctx() ctx: Context) {
    return TASK_LOADS.areas(ctx, task);
  }

  @FieldResolver(() => Task, { nullable: true, description: 'The broader task this one is a subtask of.' })
  parent(@Root() task: Task, @Ctx() ctx: Context) {
    return TASK_LOADS.parent(ctx, task);
  }

  @FieldResolver(() => [Task], { description: 'Narrower tasks, by name.' })
  subtasks(@Root() task: Task, @FirstArg('subtasks') first: number | null, @Ctx() ctx: Context) {
    return TASK_LOADS.subtasks(ctx, task, { first });
  }

  @FieldResolver(() => PaperConnection, { description: 'Papers that address the task, a page at a time.' })
  papers(@Root() task: Task, @Args(() => PaperListArgs) args: PaperListArgs, @Ctx() ctx: Context) {
    return TASK_LOADS.papers(ctx, task, args);
  }

  @FieldResolver(() => [Dataset], {
    description: 'Datasets for the task: those that list it and those of its leaderboards.',
  })
  datasets(@Root() task: Task, @FirstArg('datasets') first: number | null, @Ctx() ctx: Context) {
    return TASK_LOADS.datasets(ctx, task, { first });
  }

  @FieldResolver(() => [Leaderboard], { description: "The task's leaderboards, most results first." })
  leaderboards(@Root() task: Task, @FirstArg('leaderboards') first: number | null, @Ctx() ctx: Context) {
    return TASK_LOADS.leaderboards(ctx, task, { first });
  }

  @FieldResolver(() => [RelatedPaper], {
    description:
      'Papers most related to the task: through it and its subtasks, its leaderboards and its datasets, with reasons.',
  })
  relatedPapers(@Root() task: Task, @FirstArg('related papers') first: number | null, @Ctx() ctx: Context) {
    return TASK_LOADS.relatedPapers(ctx, task, { first });
  }
}
