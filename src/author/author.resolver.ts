import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context';
import { FirstArg } from '../graphql/paging';
import { pageSizeOf, prefetch, type FieldLoads, type FirstArgs } from '../graphql/prefetch';
import { PaperConnection, paperConnection, PaperListArgs } from '../paper/paper-list';
import { Author, Coauthorship } from './author.type';

type AuthorRef = Pick<Author, 'id'>;

/** The loads behind an author's fields: its resolvers return them, and `author(id)` starts them early. */
const AUTHOR_LOADS = {
  papers: (ctx: Context, author: AuthorRef, args: PaperListArgs) => paperConnection(ctx, 'author', author.id, args),
  coauthors: (ctx: Context, author: AuthorRef, args: FirstArgs) =>
    ctx.loaders.coauthors(pageSizeOf(args)).load(author.id),
} satisfies FieldLoads<AuthorRef>;

@Resolver(() => Author)
export class AuthorResolver {
  @Query(() => Author, {
    nullable: true,
    description: 'An author by id (the slug of the name); null when there is none.',
  })
  author(
    @Arg('id', () => ID, { description: 'The author slug, e.g. rinon-gal.' }) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    prefetch(info, ctx, [{ id }], AUTHOR_LOADS);
    return ctx.loaders.authorById.load(id);
  }

  @FieldResolver(() => PaperConnection, { description: "The author's papers, a page at a time." })
  papers(@Root() author: Author, @Args(() => PaperListArgs) args: PaperListArgs, @Ctx() ctx: Context) {
    return AUTHOR_LOADS.papers(ctx, author, args);
  }

  @FieldResolver(() => [Coauthorship], { description: 'Co-authors, most papers together first (then by id).' })
  coauthors(@Root() author: Author, @FirstArg('co-authors') first: number | null, @Ctx() ctx: Context) {
    return AUTHOR_LOADS.coauthors(ctx, author, { first });
  }
}
