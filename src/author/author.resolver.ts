import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../graphql/context';
import { pageSize } from '../graphql/paging';
import { PaperOrder } from '../paper/paper-filter';
import { PaperConnection, paperConnection } from '../paper/paper-list';
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
  papers(
    @Root() author: Author,
    @Arg('orderBy', () => PaperOrder, { nullable: true, description: 'The order (default PUBLISHED_DESC).' })
    orderBy: PaperOrder | null,
    @Arg('first', () => Int, { nullable: true, description: 'Page size: 1 to 100 (default 20).' }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'Read after this cursor (an `endCursor`).' })
    after: string | null,
    @Ctx() ctx: Context,
  ) {
    return paperConnection(ctx, 'author', author.id, { orderBy, first, after });
  }

  @FieldResolver(() => [Coauthorship], { description: 'Co-authors, most papers together first (then by id).' })
  coauthors(
    @Root() author: Author,
    @Arg('first', () => Int, { nullable: true, description: 'How many: 1 to 100 (default 20).' }) first: number | null,
    @Ctx() ctx: Context,
  ) {
    return ctx.loaders.coauthors(pageSize(first)).load(author.id);
  }
}
