import { randomUUID } from 'node:crypto';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Contributor, Role } from '../contributor/contributor.type';
import { BadUserInputError, ForbiddenError, UnauthenticatedError } from '../errors';
import type { Context } from '../graphql/context';
import { keysetPage, PageArgs } from '../graphql/paging';
import { Leaderboard } from '../leaderboard/leaderboard.type';
import { arxivKey, urlKey } from '../model/keys';
import { Paper } from '../paper/paper.type';
import { Result } from '../result/result.type';
import { SUBMISSION_ORDER } from './submission.repository';
import { httpUrl, requiredText, submittedValues } from './submission-input';
import {
  MetricDirectionInput,
  RepositoryLinkInput,
  ResultSubmissionInput,
  ReviewDecision,
  Submission,
  SubmissionConnection,
  SubmissionKind,
  SubmissionState,
} from './submission.type';

/** The contributor a mutation or `submissions` needs: UNAUTHENTICATED without a token. */
function contributorOf(ctx: Context): Contributor {
  if (!ctx.contributor) {
    throw new UnauthenticatedError(
      'This needs an API token: send `Authorization: Bearer <token>` (an admin creates one with `npm run token -- create`).',
    );
  }
  return ctx.contributor;
}

function noPaper(id: string): BadUserInputError {
  return new BadUserInputError(`There is no paper ${JSON.stringify(id)}.`, { argument: 'input.paper' });
}

async function submissionOf(ctx: Context, id: string): Promise<Submission> {
  const submission = await ctx.loaders.submissionById.load(id);
  if (!submission) throw new BadUserInputError(`There is no submission ${JSON.stringify(id)}.`, { argument: 'id' });
  return submission;
}

/** Creates a pending submission (or finds the one of the same idempotency key) and answers it. */
async function submit(
  ctx: Context,
  kind: SubmissionKind,
  proposed: Record<string, unknown>,
  idempotencyKey: string | null | undefined,
  about: { leaderboardId: string | null; paperId: string | null },
): Promise<Submission> {
  const contributor = contributorOf(ctx);
  const key =
    idempotencyKey === null || idempotencyKey === undefined
      ? null
      : requiredText(idempotencyKey, 'input.idempotencyKey');
  const created = await ctx.writers.submissions.create({
    id: randomUUID(),
    kind,
    contributor: contributor.id,
    proposed: JSON.stringify(proposed),
    idempotency: key === null ? null : `${contributor.id}\u241f${key}`,
    ...about,
  });
  if (created.conflict) {
    throw new BadUserInputError(
      `\`input.idempotencyKey\` ${JSON.stringify(key)} was used for another submission (${created.id}) with a different input; use a new key for a new submission.`,
      { argument: 'input.idempotencyKey', submission: created.id },
    );
  }
  return submissionOf(ctx, created.id);
}

@Resolver(() => Submission)
export class SubmissionResolver {
  @Mutation(() => Submission, {
    description: 'Proposes a result on a leaderboard: a PENDING submission, invisible until a moderator accepts it.',
  })
  async submitResult(
    @Arg('input', () => ResultSubmissionInput, { description: 'The result.' }) input: ResultSubmissionInput,
    @Ctx() ctx: Context,
  ) {
    contributorOf(ctx);
    const modelName = requiredText(input.modelName, 'input.modelName');
    const sourceUrl = httpUrl(input.sourceUrl, 'input.sourceUrl');
    const codeUrl = input.codeUrl ? httpUrl(input.codeUrl, 'input.codeUrl') : null;
    if (!input.paper && !input.arxivId) {
      throw new BadUserInputError('A result needs its paper: give `input.paper` (an id) or `input.arxivId`.', {
        argument: 'input.paper',
      });
    }
    const asked = input.arxivId ? arxivKey(input.arxivId) : null;
    if (input.arxivId && !asked) {
      throw new BadUserInputError(
        `\`input.arxivId\` ${JSON.stringify(input.arxivId)} is not an arXiv id, e.g. 2208.01618.`,
        {
          argument: 'input.arxivId',
        },
      );
    }
    const targets = await ctx.writers.submissions.targets({
      leaderboard: input.leaderboard,
      paper: input.paper,
      arxivKey: asked,
    });
    if (!targets.leaderboardFound) {
      throw new BadUserInputError(
        `There is no leaderboard ${JSON.stringify(input.leaderboard)}; \`leaderboards\` lists them.`,
        {
          argument: 'input.leaderboard',
        },
      );
    }
    if (!targets.paperId) {
      throw input.paper
        ? noPaper(input.paper)
        : new BadUserInputError(
            `No paper of the graph has the arXiv id ${JSON.stringify(input.arxivId)}; results are submitted for papers the graph holds.`,
            { argument: 'input.arxivId' },
          );
    }
    const values = submittedValues(input.values, targets.metrics, input.leaderboard);
    const proposed = {
      leaderboard: input.leaderboard,
      paper: targets.paperId,
      modelName,
      // The Date scalar gives a Date at midnight UTC; the graph keeps calendar dates.
      date: input.date ? input.date.toISOString().slice(0, 10) : null,
      values,
      usesAdditionalData: input.usesAdditionalData ?? false,
      codeLinks: codeUrl ? [codeUrl] : [],
      sourceUrl,
    };
    return submit(ctx, SubmissionKind.RESULT, proposed, input.idempotencyKey, {
      leaderboardId: input.leaderboard,
      paperId: targets.paperId,
    });
  }

  @Mutation(() => Submission, { description: 'Proposes a code repository for a paper (PENDING until accepted).' })
  async linkRepository(
    @Arg('input', () => RepositoryLinkInput, { description: 'The link.' }) input: RepositoryLinkInput,
    @Ctx() ctx: Context,
  ) {
    contributorOf(ctx);
    const url = urlKey(httpUrl(input.url, 'input.url'));
    if (!url) throw new BadUserInputError('`input.url` must be a repository URL.', { argument: 'input.url' });
    const [owner, name] = new URL(url).pathname.split('/').filter(Boolean);
    const framework = input.framework ? requiredText(input.framework, 'input.framework').toLowerCase() : null;
    const targets = await ctx.writers.submissions.targets({ paper: input.paper });
    if (!targets.paperId) {
      throw noPaper(input.paper);
    }
    const proposed = {
      paper: targets.paperId,
      url,
      owner: owner ?? null,
      name: name ?? null,
      framework,
      isOfficial: input.isOfficial ?? false,
    };
    return submit(ctx, SubmissionKind.REPOSITORY_LINK, proposed, input.idempotencyKey, {
      leaderboardId: null,
      paperId: targets.paperId,
    });
  }

  @Mutation(() => Submission, {
    description:
      "Proposes a metric's direction (PENDING until accepted); once accepted it wins over the overrides file and the rules.",
  })
  async proposeMetricDirection(
    @Arg('input', () => MetricDirectionInput, { description: 'The direction and why.' }) input: MetricDirectionInput,
    @Ctx() ctx: Context,
  ) {
    contributorOf(ctx);
    const reason = requiredText(input.reason, 'input.reason', 2000);
    const targets = await ctx.writers.submissions.targets({ metric: input.metric });
    if (!targets.metricFound) {
      throw new BadUserInputError(`There is no metric ${JSON.stringify(input.metric)}; give its exact name.`, {
        argument: 'input.metric',
      });
    }
    return submit(
      ctx,
      SubmissionKind.METRIC_DIRECTION,
      { metric: input.metric, direction: input.direction, reason },
      input.idempotencyKey,
      { leaderboardId: null, paperId: null },
    );
  }

  @Mutation(() => Submission, { description: 'Takes back a pending submission; only its submitter may.' })
  async withdrawSubmission(@Arg('id', () => ID, { description: 'The submission.' }) id: string, @Ctx() ctx: Context) {
    const contributor = contributorOf(ctx);
    const submission = await submissionOf(ctx, id);
    if (submission.submittedById !== contributor.id) {
      throw new ForbiddenError('Only its submitter may withdraw a submission.');
    }
    if (submission.state !== SubmissionState.PENDING) {
      throw new BadUserInputError(`The submission is ${submission.state}; only a pending one can be withdrawn.`, {
        argument: 'id',
      });
    }
    await ctx.writers.submissions.withdraw(id);
    ctx.loaders.submissionById.clear(id);
    return submissionOf(ctx, id);
  }

  @Mutation(() => Submission, {
    description:
      "Accepts or rejects a pending submission (moderators: others' submissions; admins: any). Accepting writes what it proposes, with its provenance, in the same transaction; accepting an accepted one answers it unchanged.",
  })
  async reviewSubmission(
    @Arg('id', () => ID, { description: 'The submission.' }) id: string,
    @Arg('decision', () => ReviewDecision, { description: 'Accept or reject.' }) decision: ReviewDecision,
    @Arg('comment', () => String, { nullable: true, description: 'Why, for the submitter and the audit trail.' })
    comment: string | null,
    @Ctx() ctx: Context,
  ) {
    const reviewer = contributorOf(ctx);
    if (reviewer.role === Role.CONTRIBUTOR) throw new ForbiddenError('Only moderators and admins review submissions.');
    const submission = await submissionOf(ctx, id);
    if (submission.submittedById === reviewer.id && reviewer.role !== Role.ADMIN) {
      throw new ForbiddenError("A moderator reviews others' submissions; another moderator or an admin reviews yours.");
    }
    const state = decision === ReviewDecision.ACCEPT ? SubmissionState.ACCEPTED : SubmissionState.REJECTED;
    await ctx.writers.submissions.review(
      id,
      (locked) => {
        if (locked.state === SubmissionState.ACCEPTED && state === SubmissionState.ACCEPTED) return false;
        if (locked.state !== SubmissionState.PENDING) {
          throw new BadUserInputError(`The submission is ${locked.state}; only a pending one can be reviewed.`, {
            argument: 'id',
          });
        }
        return true;
      },
      {
        decision,
        state,
        reviewer: reviewer.id,
        comment: comment?.trim() || null,
        input: JSON.parse(submission.proposed),
      },
    );
    ctx.loaders.submissionById.clear(id);
    return submissionOf(ctx, id);
  }

  @Query(() => SubmissionConnection, {
    description: 'Submissions, newest first: moderators and admins see all, contributors their own. Needs a token.',
  })
  submissions(
    @Arg('state', () => SubmissionState, { nullable: true, description: 'Only submissions in this state.' })
    state: SubmissionState | null,
    @Args(() => PageArgs) args: PageArgs,
    @Ctx() ctx: Context,
  ) {
    const contributor = contributorOf(ctx);
    const filter = { state: state ?? null, submittedBy: contributor.role === Role.CONTRIBUTOR ? contributor.id : null };
    const repository = ctx.repositories.submissions;
    return keysetPage(args, 'NEWEST', {
      orders: { NEWEST: SUBMISSION_ORDER },
      page: (_order, limit, after) => repository.page(filter, limit, after),
      count: () => repository.count(filter),
    }).then((page) => new SubmissionConnection(page));
  }

  @FieldResolver(() => Contributor, { description: 'Who submitted it.' })
  async submittedBy(@Root() submission: Submission, @Ctx() ctx: Context) {
    return ctx.loaders.contributorById.load(submission.submittedById);
  }

  @FieldResolver(() => Contributor, { nullable: true, description: 'Who reviewed it.' })
  reviewedBy(@Root() submission: Submission, @Ctx() ctx: Context) {
    return submission.reviewedById ? ctx.loaders.contributorById.load(submission.reviewedById) : null;
  }

  @FieldResolver(() => Leaderboard, { nullable: true, description: 'The leaderboard of a proposed result.' })
  leaderboard(@Root() submission: Submission, @Ctx() ctx: Context) {
    return submission.leaderboardId ? ctx.loaders.leaderboardById.load(submission.leaderboardId) : null;
  }

  @FieldResolver(() => Paper, { nullable: true, description: 'The paper of a proposed result or code link.' })
  paper(@Root() submission: Submission, @Ctx() ctx: Context) {
    return submission.paperId ? ctx.loaders.paperById.load(submission.paperId) : null;
  }

  @FieldResolver(() => Result, { nullable: true, description: 'The result it created, once accepted.' })
  result(@Root() submission: Submission, @Ctx() ctx: Context) {
    return submission.resultId ? ctx.loaders.resultById.load(submission.resultId) : null;
  }
}
