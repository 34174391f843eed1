import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { connectionType } from '../graphql/connection';
import type { Context } from '../graphql/context';
import { selects } from '../graphql/prefetch';
import { FirstArgs, givenValues, keysetPage, PageArgs, pageSize } from '../graphql/paging';
import { PaperConnection, paperConnection, PaperListArgs } from '../paper/paper-list';
import { Paper } from '../paper/paper.type';
import { MethodFilter, MethodOrder } from './method-filter';
import { Method, MethodCollection } from './method.type';

export const MethodConnection = connectionType(Method, 'Method', 'method');

@Resolver(() => Method)
export class MethodResolver {
  @Query(() => Method, { nullable: true, description: 'A method by its id; null when there is none.' })
  method(@Arg('id', () => ID, { description: 'The method slug, e.g. transformer.' }) id: string, @Ctx() ctx: Context) {
    return ctx.loaders.methodById.load(id);
  }

  @Query(() => MethodConnection, { description: 'Methods, filtered and sorted, a page at a time.' })
  async methods(
    @Arg('filter', () => MethodFilter, { nullable: true, description: 'Only methods meeting all these conditions.' })
    filter: MethodFilter | null,
    @Arg('orderBy', () => MethodOrder, { nullable: true, description: 'The order (default PAPER_COUNT_DESC).' })
    orderBy: MethodOrder | null,
    @Args(() => PageArgs) page: PageArgs,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    return new MethodConnection(
      await keysetPage(
        { ...page, orderBy },
        MethodOrder.PAPER_COUNT_DESC,
        ctx.repositories.methods.list(givenValues(filter ?? {})),
        selects(info, 'totalCount'),
      ),
    );
  }

  @FieldResolver(() => Paper, { nullable: true, description: 'The paper that introduced the method.' })
  introducedBy(@Root() method: Method, @Ctx() ctx: Context) {
    return ctx.loaders.introducingPaperOfMethod.load(method.id);
  }

  @FieldResolver(() => [MethodCollection], { description: 'The collections the method belongs to.' })
  collections(@Root() method: Method, @Ctx() ctx: Context) {
    return ctx.loaders.collectionsOfMethod.load(method.id);
  }

  @FieldResolver(() => PaperConnection, { description: 'Papers that use the method, a page at a time.' })
  papers(@Root() method: Method, @Args(() => PaperListArgs) args: PaperListArgs, @Ctx() ctx: Context) {
    return paperConnection(ctx, 'method', method.id, args);
  }
}

@Resolver(() => MethodCollection)
export class MethodCollectionResolver {
  @FieldResolver(() => [Method], { description: 'The methods in the collection, by name.' })
  methods(@Root() collection: MethodCollection, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: Context) {
    return ctx.loaders.methodsOfCollection(pageSize(first)).load(collection.id);
  }
}
