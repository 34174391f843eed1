import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context';
import { FirstArgs, pageSize } from '../graphql/paging';
import { Task } from '../task/task.type';
import { Area } from './area.type';

@Resolver(() => Area)
export class AreaResolver {
  @Query(() => Area, { nullable: true, description: 'A research area by id; null when there is none.' })
  area(@Arg('id', () => ID, { description: 'The area slug, e.g. computer-vision.' }) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.areaById.load(id);
  }

  @Query(() => [Area], { description: 'Every research area that has tasks, by name.' })
  areas(@Ctx() ctx: Context) {
    return ctx.repositories.areas.all();
  }

  @FieldResolver(() => [Task], { description: "The area's tasks, most papers first." })
  tasks(@Root() area: Area, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: Context) {
    return ctx.loaders.tasksOfArea(pageSize(first)).load(area.id);
  }
}
