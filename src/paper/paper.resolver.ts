import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { Author } from '../author/author.type';
import type { Context } from '../graphql/context';
import { Task } from '../task/task.type';
import { Paper } from './paper.type';

@Resolver(() => Paper)
export class PaperResolver {
  @Query(() => Paper, { nullable: true, description: 'A paper by its id; null when there is none.' })
  paper(
    @Arg('id', () => ID, { description: 'The paper slug, e.g. an-image-is-worth-one-word-personalizing.' }) id: string,
    @Ctx() ctx: Context,
  ) {
    return ctx.loaders.paperById.load(id);
  }

  @FieldResolver(() => [Author], { description: "The paper's authors, in the paper's order." })
  authors(@Root() paper: Paper, @Ctx() ctx: Context) {
    return ctx.loaders.authorsByPaper.load(paper.id);
  }

  @FieldResolver(() => [Task], { description: 'The tasks the paper addresses, in the order it lists them.' })
  tasks(@Root() paper: Paper, @Ctx() ctx: Context) {
    return ctx.loaders.tasksByPaper.load(paper.id);
  }
}
