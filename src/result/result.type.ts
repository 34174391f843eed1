import { DateResolver } from 'graphql-scalars';
import { Field, Float, ID, ObjectType } from 'type-graphql';
import type { Leaderboard } from '../leaderboard/leaderboard.type';
import { Metric } from '../leaderboard/metric.type';
import type { Paper } from '../paper/paper.type';

/** What a result read in a list brings along (resultDetails), so that its fields need no further read. */
export interface PreloadedResult {
  paper: Paper | null;
  values: MetricValue[];
  leaderboard?: Leaderboard;
}

@ObjectType({ description: 'One row of a leaderboard: a model, the paper it comes from, and its metric values.' })
export class Result {
  @Field(() => ID, { description: 'A stable id of the row.' })
  id!: string;

  leaderboardId!: string;

  @Field(() => String, { description: 'The model as the leaderboard names it, e.g. "Textual Inversion SD v1.5".' })
  modelName!: string;

  @Field(() => DateResolver, { nullable: true, description: 'The date of the result (usually its paper).' })
  date!: string | null;

  @Field(() => Boolean, { description: 'Whether the model was trained with extra data beyond the benchmark.' })
  usesAdditionalData!: boolean;

  @Field(() => [String], { description: 'Links to code for this result, as the leaderboard gives them.' })
  codeLinks!: string[];

  @Field(() => String, {
    nullable: true,
    description: "The paper title as the row gives it, also when the paper isn't in the graph.",
  })
  paperTitle!: string | null;

  preloaded?: PreloadedResult;
}

@ObjectType({ description: 'The value a result reached on a metric.' })
export class MetricValue {
  @Field(() => Metric, { description: 'The metric.' })
  metric!: Metric;

  @Field(() => String, { description: 'The value as the leaderboard wrote it, e.g. "90.2%" or "220k".' })
  raw!: string;

  @Field(() => Float, { nullable: true, description: 'The value as a number; null when `raw` cannot be read as one.' })
  value!: number | null;
}
