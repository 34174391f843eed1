import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Area } from '../area/area.type';
import { Dataset } from '../dataset/dataset.type';
import { connectionType } from '../graphql/connection';
import type { Context } from '../graphql/context';
import { FirstArg, pageSize } from '../graphql/paging';
import { Leaderboard } from '../leaderboard/leaderboard.type';
import { PaperConnection, paperConnection, PaperListArgs } from '../paper/paper-list';
import { RelatedPaper } from '../related/related.type';
import { TaskFilter, TaskOrder } from './task-filter';
import { Task } from './task.type';

export const TaskConnection = connectionType(Task, 'Task', 'task');

@Resolver(() => Task)
export class TaskResolver {
  @Query(() => Task, { nullable: true, description: 'A task by its id; null when there is none.' })
  task(@Arg('id', () => ID, { description: 'The task slug, e.g. image-generation.' }) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.taskById.load(id);
  }

  @Query(() => TaskConnection, { description: 'Tasks, filtered and sorted, a page at a time.' })
  async tasks(
    @Arg('filter', () => TaskFilter, { nullable: true, description: 'Only tasks meeting all these conditions.' })
    filter: TaskFilter | null,
    @Arg('orderBy', () => TaskOrder, { nullable: true, description: 'The order (default PAPER_COUNT_DESC).' })
    orderBy: TaskOrder | null,
    @FirstArg('related papers') first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Read after this cursor (an `endCursor`).' })
    after: string | null,
    @Ctx() ctx: Context,
  ) {
    return new TaskConnection(
      await ctx.repositories.tasks.page({ filter, orderBy, first, after }, TaskOrder.PAPER_COUNT_DESC),
    );
  }

  @FieldResolver(() => [Area], { description: 'The research areas the task belongs to.' })
  areas(@Root() task: Task, @Ctx() ctx: Context) {
    return ctx.loaders.areasOfTask.load(task.id);
  }

  @FieldResolver(() => Task, { nullable: true, description: 'The broader task this one is a subtask of.' })
  parent(@Root() task: Task, @Ctx() ctx: Context) {
    return ctx.loaders.parentOfTask.load(task.id);
  }

  @FieldResolver(() => [Task], { description: 'Narrower tasks, by name.' })
  subtasks(@Root() task: Task, @FirstArg('subtasks') first: number | null, @Ctx() ctx: Context) {
    return ctx.loaders.subtasksOfTask(pageSize(first)).load(task.id);
  }

  @FieldResolver(() => PaperConnection, { description: 'Papers that address the task, a page at a time.' })
  papers(@Root() task: Task, @Args(() => PaperListArgs) args: PaperListArgs, @Ctx() ctx: Context) {
    return paperConnection(ctx, 'task', task.id, args);
  }

  @FieldResolver(() => [Dataset], {
    description: 'Datasets for the task: those that list it and those of its leaderboards.',
  })
  datasets(@Root() task: Task, @FirstArg('datasets') first: number | null, @Ctx() ctx: Context) {
    return ctx.loaders.datasetsOfTask(pageSize(first)).load(task.id);
  }

  @FieldResolver(() => [Leaderboard], { description: "The task's leaderboards, most results first." })
  leaderboards(@Root() task: Task, @FirstArg('leaderboards') first: number | null, @Ctx() ctx: Context) {
    return ctx.loaders.leaderboardsOfTask(pageSize(first)).load(task.id);
  }

  @FieldResolver(() => [RelatedPaper], {
    description:
      'Papers most related to the task: through it and its subtasks, its leaderboards and its datasets, with reasons.',
  })
  relatedPapers(@Root() task: Task, @FirstArg('related papers') first: number | null, @Ctx() ctx: Context) {
    return ctx.loaders.relatedToTask(pageSize(first)).load(task.id);
  }
}
