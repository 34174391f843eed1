import { DateResolver } from 'graphql-scalars';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { connectionType } from '../graphql/connection';
import { MetricValue, Result } from '../result/result.type';

@ObjectType({ description: 'The results of one task on one benchmark (a dataset or a split of it), ranked by metric.' })
export class Leaderboard {
  @Field(() => ID, {
    description: 'The Papers With Code slug: paperswithcode.com/sota/<id>, e.g. image-classification-on-imagenet.',
  })
  id!: string;

  @Field(() => String, { description: 'The benchmark as the leaderboard names it, e.g. "LibriSpeech test-clean".' })
  name!: string;

  taskId!: string;
  datasetId!: string;

  @Field(() => Int, { description: 'How many results the leaderboard holds.' })
  resultCount!: number;

  /**
   * `lastSotaAt` on the first metric without a filter, as the importer keeps it (src/db/migrations.ts),
   * in a list (null inside: no dated row); absent until it has been computed.
   */
  storedLastSotaAt?: [string | null] | null;
}

@ObjectType({ description: 'A leaderboard row with its rank on the chosen metric.' })
export class RankedResult {
  @Field(() => Int, {
    description:
      'The rank by the metric’s direction; equal values share a rank (1, 1, 3). Values that cannot be read as numbers come last, sharing the last rank.',
  })
  rank!: number;

  @Field(() => Result, { description: 'The result.' })
  result!: Result;

  @Field(() => MetricValue, { description: 'Its value on the metric the rows are ranked by.' })
  value!: MetricValue;
}

export const LeaderboardConnection = connectionType(Leaderboard, 'Leaderboard', 'leaderboard');
export type LeaderboardConnection = InstanceType<typeof LeaderboardConnection>;

export const RankedResultConnection = connectionType(RankedResult, 'RankedResult', 'ranked row');
export type RankedResultConnection = InstanceType<typeof RankedResultConnection>;

@ObjectType({ description: 'A step of the state of the art: a result that beat every earlier one on the metric.' })
export class SotaStep {
  @Field(() => DateResolver, { description: 'When the result was reached.' })
  date!: string;

  @Field(() => Float, { description: 'Its value on the metric.' })
  value!: number;

  @Field(() => Result, { description: 'The result.' })
  result!: Result;

  @Field(() => Float, {
    nullable: true,
    description:
      'How much it improved on the previous step (always positive, in the metric’s units); null for the first step.',
  })
  improvement!: number | null;
}
