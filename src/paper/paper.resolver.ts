import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Info, Query, Resolver, Root } from 'type-graphql';
import { Author } from '../author/author.type';
import { Dataset } from '../dataset/dataset.type';
import type { Context } from '../graphql/context';
import { FirstArg } from '../graphql/paging';
import { pageSizeOf, prefetch, type FieldLoads, type FirstArgs } from '../graphql/prefetch';
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

/** The loads behind a paper's fields: its resolvers return them, and `paper(id)` starts them early. */
const PAPER_LOADS = {
  authors: (ctx: Context, paper: PaperRef) => ctx.loaders.authorsByPaper.load(paper.id),
  tasks: (ctx: Context, paper: PaperRef) => ctx.loaders.tasksByPaper.load(paper.id),
  methods: (ctx: Context, paper: PaperRef) => ctx.loaders.methodsOfPaper.load(paper.id),
  repositories: (ctx: Context, paper: PaperRef) => ctx.loaders.codeLinksOfPaper.load(paper.id),
  codeLinks: (ctx: Context, paper: PaperRef) => ctx.loaders.codeLinksOfPaper.load(paper.id),
  datasets: (ctx: Context, paper: PaperRef) => ctx.loaders.datasetsOfPaper.load(paper.id),
  results: (ctx: Context, paper: PaperRef) => ctx.loaders.resultsOfPaper.load(paper.id),
  relatedPapers: (ctx: Context, paper: PaperRef, args: FirstArgs) =>
    ctx.loaders.relatedToPaper(pageSizeOf(args)).load(paper.id),
} satisfies FieldLoads<PaperRef>;

@Resolver(() => Paper)
export class PaperResolver {
  @Query(() => Paper, { nullable: true, description: 'A paper by its id; null when there is none.' })
  paper(
    @Arg('id', () => ID, { description: 'The paper slug, e.g. an-image-is-worth-one-word-personalizing.' }) id: string,
    @Ctx() ctx: Context,
    @Info() info: GraphQLResolveInfo,
  ) {
    prefetch(info, ctx, [{ id }], PAPER_LOADS);
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

  @FieldResolver(() => [Author], { description: "The paper's authors, in the paper's order." })
  authors(@Root() paper: Paper, @Ctx() ctx: Context) {
    return PAPER_LOADS.authors(ctx, paper);
  }

  @FieldResolver(() => [Task], { description: 'The tasks the paper addresses, in the order it lists them.' })
  tasks(@Root() paper: Paper, @Ctx() ctx: Context) {
    return PAPER_LOADS.tasks(ctx, paper);
  }

  @FieldResolver(() => [Method], { description: 'The methods the paper uses, by name.' })
  methods(@Root() paper: Paper, @Ctx() ctx: Context) {
    return PAPER_LOADS.methods(ctx, paper);
  }

  @FieldResolver(() => [Repository], {
    description: 'Code repositories that implement the paper, official ones first.',
  })
  async repositories(@Root() paper: Paper, @Ctx() ctx: Context) {
    const links = await PAPER_LOADS.repositories(ctx, paper);
    return links.map((link) => link.repository);
  }

  @FieldResolver(() => [CodeLink], {
    description: 'The same repositories with what the link says: official or not, who mentions whom, framework.',
  })
  codeLinks(@Root() paper: Paper, @Ctx() ctx: Context) {
    return PAPER_LOADS.codeLinks(ctx, paper);
  }

  @FieldResolver(() => [Dataset], { description: 'Datasets the paper introduced or has leaderboard results on.' })
  datasets(@Root() paper: Paper, @Ctx() ctx: Context) {
    return PAPER_LOADS.datasets(ctx, paper);
  }

  @FieldResolver(() => [Result], { description: "The paper's leaderboard results, by leaderboard then model." })
  results(@Root() paper: Paper, @Ctx() ctx: Context) {
    return PAPER_LOADS.results(ctx, paper);
  }

  @FieldResolver(() => [RelatedPaper], {
    description:
      'Papers that share tasks, datasets, methods, authors or leaderboards with this one, closest first, each with its reasons. Never the paper itself.',
  })
  relatedPapers(@Root() paper: Paper, @FirstArg('related papers') first: number | null, @Ctx() ctx: Context) {
    return PAPER_LOADS.relatedPapers(ctx, paper, { first });
  }
}
