import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { Author } from '../author/author.type';
import { Dataset } from '../dataset/dataset.type';
import type { Context } from '../graphql/context';
import { FirstArgs, pageSize } from '../graphql/paging';
import { prefetch, Prefetched } from '../graphql/prefetch';
import { Method } from '../method/method.type';
import { RelatedPaper } from '../related/related.type';
import { CodeLink, Repository } from '../code/code.type';
import { Result } from '../result/result.type';
import { Task } from '../task/task.type';
import { PaperFilter } from './paper-filter';
import { PaperConnection, paperConnection, PaperListArgs } from './paper-list';
import { rootPaperList } from './paper.repository';
import { Paper } from './paper.type';

type PaperRef = Pick<Paper, 'id'>;

@Resolver(() => Paper)
export class PaperResolver {
  @Query(() => Paper, { nullable: true, description: 'A paper by its id; null when there is none.' })
  paper(
    @Arg('id', () => ID, { description: 'The paper slug, e.g. an-image-is-worth-one-word-personalizing.' }) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    prefetch(info, ctx, [{ id }]);
    return ctx.loaders.paperById.load(id);
  }

  @Query(() => PaperConnection, { description: 'Papers, filtered and sorted, a page at a time.' })
  papers(
    @Arg('filter', () => PaperFilter, { nullable: true, description: 'Only papers meeting all these conditions.' })
    filter: PaperFilter | null,
    @Args(() => PaperListArgs) args: PaperListArgs,
    @Ctx() ctx: Context,
  ) {
    const list = rootPaperList(filter ?? {});
    return paperConnection(ctx, list.scope, list.scopeId, { ...args, filter: list.filter });
  }

  @Prefetched()
  @FieldResolver(() => [Author], { description: "The paper's authors, in the paper's order." })
  authors(@Root() paper: PaperRef, @Ctx() ctx: Context) {
    return ctx.loaders.authorsByPaper.load(paper.id);
  }

  @Prefetched()
  @FieldResolver(() => [Task], { description: 'The tasks the paper addresses, in the order it lists them.' })
  tasks(@Root() paper: PaperRef, @Ctx() ctx: Context) {
    return ctx.loaders.tasksByPaper.load(paper.id);
  }

  @Prefetched()
  @FieldResolver(() => [Method], { description: 'The methods the paper uses, by name.' })
  methods(@Root() paper: PaperRef, @Ctx() ctx: Context) {
    return ctx.loaders.methodsOfPaper.load(paper.id);
  }

  @Prefetched()
  @FieldResolver(() => [Repository], {
    description: 'Code repositories that implement the paper, official ones first.',
  })
  async repositories(@Root() paper: PaperRef, @Ctx() ctx: Context) {
    const links = await ctx.loaders.codeLinksOfPaper.load(paper.id);
    return links.map((link) => link.repository);
  }

  @Prefetched()
  @FieldResolver(() => [CodeLink], {
    description: 'The same repositories with what the link says: official or not, who mentions whom, framework.',
  })
  codeLinks(@Root() paper: PaperRef, @Ctx() ctx: Context) {
    return ctx.loaders.codeLinksOfPaper.load(paper.id);
  }

  @Prefetched()
  @FieldResolver(() => [Dataset], { description: 'Datasets the paper introduced or has leaderboard results on.' })
  datasets(@Root() paper: PaperRef, @Ctx() ctx: Context) {
    return ctx.loaders.datasetsOfPaper.load(paper.id);
  }

  @Prefetched()
  @FieldResolver(() => [Result], { description: "The paper's leaderboard results, by leaderboard then model." })
  results(@Root() paper: PaperRef, @Ctx() ctx: Context) {
    return ctx.loaders.resultsOfPaper.load(paper.id);
  }

  @Prefetched()
  @FieldResolver(() => [RelatedPaper], {
    description:
      'Papers that share tasks, datasets, methods, authors or leaderboards with this one, closest first, each with its reasons. Never the paper itself.',
  })
  relatedPapers(@Root() paper: PaperRef, @Args(() => FirstArgs) { first }: FirstArgs, @Ctx() ctx: Context) {
    return ctx.loaders.relatedToPaper(pageSize(first)).load(paper.id);
  }
}
