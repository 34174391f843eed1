import { Arg, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { BadUserInputError } from '../errors';
import type { Context } from '../graphql/context';
import { Paper } from '../paper/paper.type';
import { Comparison, ComparisonEntry, MAX_COMPARED, MAX_COMPARISONS, MIN_COMPARED } from './compare.type';

/** Head-to-head comparison of papers on the leaderboards they share. */
@Resolver(() => ComparisonEntry)
export class CompareResolver {
  @Query(() => [Comparison], {
    description: `Head-to-head: for ${MIN_COMPARED} to ${MAX_COMPARED} papers, every leaderboard and metric on which at least two of them have a row, with each paper’s best row there and its rank on the board. At most ${MAX_COMPARISONS}: those shared by the most papers first, then by leaderboard id and the leaderboard’s metric order.`,
  })
  async compare(
    @Arg('papers', () => [ID], {
      description: `Paper ids, ${MIN_COMPARED} to ${MAX_COMPARED}, each once, e.g. ["an-image-is-worth-one-word-personalizing", "dreambooth-fine-tuning-text-to-image"].`,
    })
    papers: string[],
    @Ctx() ctx: Context,
  ): Promise<Comparison[]> {
    if (papers.length < MIN_COMPARED || papers.length > MAX_COMPARED) {
      throw new BadUserInputError(
        `\`papers\` takes ${MIN_COMPARED} to ${MAX_COMPARED} paper ids; got ${papers.length}.`,
        { argument: 'papers' },
      );
    }
    const twice = papers.find((id, index) => papers.indexOf(id) !== index);
    if (twice !== undefined) {
      throw new BadUserInputError(`Paper "${twice}" is listed twice in \`papers\`; list each once.`, {
        argument: 'papers',
      });
    }
    // Started together, the papers' check and the comparison travel as one statement.
    const [found, comparisons] = await Promise.all([
      Promise.all(papers.map((id) => ctx.loaders.paperById.load(id))),
      ctx.repositories.compare.of(papers),
    ]);
    const missing = papers.filter((_, index) => !found[index]);
    if (missing.length) {
      throw new BadUserInputError(`No paper has the id ${missing.map((id) => `"${id}"`).join(', ')}.`, {
        argument: 'papers',
      });
    }
    return comparisons.map(({ leaderboard, metric, rows }) => ({
      leaderboard,
      metric,
      entries: rows
        .sort((a, b) => a.index - b.index)
        .map(({ index, rank, result, value }) => ({ paperId: papers[index], rank, result, value })),
    }));
  }

  @FieldResolver(() => Paper)
  paper(@Root() entry: ComparisonEntry, @Ctx() ctx: Context) {
    return ctx.loaders.paperById.load(entry.paperId);
  }
}
