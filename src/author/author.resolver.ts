import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context';
import { FirstArgs, pageSize } from '../graphql/paging';
import { prefetch, Prefetched } from '../graphql/prefetch';
import { PaperConnection, paperConnection, PaperListArgs } from '../paper/paper-list';
import { Author, Coauthorship } from './author.type';

type AuthorRef = Pick<Author, 'id'>;

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
    prefetch(info, ctx, [{ id }]);
    return ctx.loaders.authorById.load(id);
  }

  @Prefetched()
  @FieldResolver(() => PaperConnection, { description: "The author's papers, a page at a time." })
  papers(@Root() author: AuthorRef, @Args(() => PaperListArgs) args: PaperListArgs, @Ctx() ctx: Context) {
    return paperConnection(ctx, 'author', author.id, args);
  }

  @Prefetched()
  @FieldResolver(() => [Coauthorship], { description: 'Co-authors, most papers together first (then by id).' })
  coauthors(@Root() author: AuthorRef, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: Context) {
    return ctx.loaders.coauthors(pageSize(first)).load(author.id);
  }
}
