import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context';
import { FirstArg, pageSize } from '../graphql/paging';
import { PaperConnection, paperConnection, PaperListArgs } from '../paper/paper-list';
import { Author, Coauthorship } from './author.type';

@Resolver(() => Author)
export class AuthorResolver {
  @Query(() => Author, {
    nullable: true,
    description: 'An author by id (the slug of the name); null when there is none.',
  })
  author(@Arg('id', () => ID, { description: 'The author slug, e.g. rinon-gal.' }) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.authorById.load(id);
  }

  @FieldResolver(() => PaperConnection, { description: "The author's papers, a page at a time." })
  papers(@Root() author: Author, @Args(() => PaperListArgs) args: PaperListArgs, @Ctx() ctx: Context) {
    return paperConnection(ctx, 'author', author.id, args);
  }

  @FieldResolver(() => [Coauthorship], { description: 'Co-authors, most papers together first (then by id).' })
  coauthors(@Root() author: Author, @FirstArg('co-authors') first: number | null, @Ctx() ctx: Context) {
    return ctx.loaders.coauthors(pageSize(first)).load(author.id);
  }
}
