import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import { connectionType } from '../graphql/connection';
import { MetricDirection } from '../model/metric';

export enum SubmissionKind {
  RESULT = 'RESULT',
  REPOSITORY_LINK = 'REPOSITORY_LINK',
  METRIC_DIRECTION = 'METRIC_DIRECTION',
}
registerEnumType(SubmissionKind, {
  name: 'SubmissionKind',
  description: 'What a submission proposes.',
  valuesConfig: {
    RESULT: { description: 'A result on a leaderboard (`submitResult`).' },
    REPOSITORY_LINK: { description: 'A code repository of a paper (`linkRepository`).' },
    METRIC_DIRECTION: { description: "A metric's direction (`proposeMetricDirection`)." },
  },
});

export enum SubmissionState {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  REJECTED = 'REJECTED',
  WITHDRAWN = 'WITHDRAWN',
}
registerEnumType(SubmissionState, {
  name: 'SubmissionState',
  description: 'Where a submission stands; only an accepted one changes what the API shows.',
  valuesConfig: {
    PENDING: { description: 'Waiting for a moderator; invisible outside `submissions`.' },
    ACCEPTED: { description: 'Reviewed and written to the graph, with its provenance.' },
    REJECTED: { description: 'Reviewed and not written.' },
    WITHDRAWN: { description: 'Taken back by its submitter before review.' },
  },
});

export enum ReviewDecision {
  ACCEPT = 'ACCEPT',
  REJECT = 'REJECT',
}
registerEnumType(ReviewDecision, {
  name: 'ReviewDecision',
  description: 'What a moderator decides.',
  valuesConfig: {
    ACCEPT: { description: 'Write what the submission proposes.' },
    REJECT: { description: 'Write nothing; the submission is kept as REJECTED.' },
  },
});

@ObjectType({ description: 'A proposed result, code link or metric direction, and its review.' })
export class Submission {
  @Field(() => ID, { description: 'A random id (a UUID).' })
  id!: string;

  @Field(() => SubmissionKind, { description: 'What it proposes.' })
  kind!: SubmissionKind;

  @Field(() => SubmissionState, { description: 'Where it stands.' })
  state!: SubmissionState;

  submittedById!: string;

  @Field(() => DateTimeResolver, { description: 'When it was submitted.' })
  submittedAt!: string;

  reviewedById!: string | null;

  @Field(() => DateTimeResolver, { nullable: true, description: 'When it was accepted or rejected.' })
  reviewedAt!: string | null;

  @Field(() => String, { nullable: true, description: "The reviewer's comment." })
  comment!: string | null;

  leaderboardId!: string | null;

  paperId!: string | null;

  resultId!: string | null;

  @Field(() => String, {
    description: 'What was proposed, as the JSON of its input (ids resolved: the paper an arXiv id names), for review.',
  })
  proposed!: string;
}

export const SubmissionConnection = connectionType(Submission, 'Submission', 'submission');
export type SubmissionConnection = InstanceType<typeof SubmissionConnection>;

@InputType({ description: 'A value on one metric of the leaderboard, as text.' })
export class MetricValueInput {
  @Field(() => String, { description: "One of the leaderboard's metrics, by name (case ignored when unambiguous)." })
  metric!: string;

  @Field(() => String, {
    description: 'The value as the paper writes it ("90.2", "90.2%", "1.5k"), read as the importer reads the archive.',
  })
  value!: string;
}

@InputType({ description: 'A new result on a leaderboard.' })
export class ResultSubmissionInput {
  @Field(() => ID, { description: 'The leaderboard, e.g. personalized-image-generation-on-dreambooth.' })
  leaderboard!: string;

  @Field(() => ID, { nullable: true, description: 'The paper, by id (or give `arxivId`).' })
  paper?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The paper, by arXiv id in any spelling ("2208.01618v2"); it must be in the graph.',
  })
  arxivId?: string | null;

  @Field(() => String, { description: 'The model, as the paper names it.' })
  modelName!: string;

  @Field(() => DateResolver, {
    nullable: true,
    description: 'When the result was published (default: its paper’s date).',
  })
  date?: Date | null;

  @Field(() => [MetricValueInput], { description: 'Its values: at least one, each metric once.' })
  values!: MetricValueInput[];

  @Field(() => Boolean, { nullable: true, description: 'Whether it was trained with extra data (default false).' })
  usesAdditionalData?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Its code, an http(s) URL.' })
  codeUrl?: string | null;

  @Field(() => String, { description: 'Where the result is published (the paper, a table), an http(s) URL.' })
  sourceUrl!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Retries with the same key return the first submission instead of a second.',
  })
  idempotencyKey?: string | null;
}

@InputType({ description: 'A code repository that implements a paper.' })
export class RepositoryLinkInput {
  @Field(() => ID, { description: 'The paper.' })
  paper!: string;

  @Field(() => String, { description: 'The repository, an http(s) URL (normalised as the importer does).' })
  url!: string;

  @Field(() => String, { nullable: true, description: 'Its framework, e.g. pytorch, tf, jax.' })
  framework?: string | null;

  @Field(() => Boolean, { nullable: true, description: "Whether it is the authors' own (default false)." })
  isOfficial?: boolean | null;

  @Field(() => String, {
    nullable: true,
    description: 'Retries with the same key return the first submission instead of a second.',
  })
  idempotencyKey?: string | null;
}

@InputType({ description: 'Which way a metric is better.' })
export class MetricDirectionInput {
  @Field(() => String, { description: 'The metric, by its exact name.' })
  metric!: string;

  @Field(() => MetricDirection, { description: 'The direction proposed.' })
  direction!: MetricDirection;

  @Field(() => String, { description: 'Why (a definition, a paper): what the moderator checks.' })
  reason!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Retries with the same key return the first submission instead of a second.',
  })
  idempotencyKey?: string | null;
}
