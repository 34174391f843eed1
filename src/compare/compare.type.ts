import { Field, Int, ObjectType } from 'type-graphql';
import { Leaderboard } from '../leaderboard/leaderboard.type';
import { Metric } from '../leaderboard/metric.type';
import { Paper } from '../paper/paper.type';
import { MetricValue, Result } from '../result/result.type';

/** How many papers `compare` takes. */
export const MIN_COMPARED = 2;
export const MAX_COMPARED = 5;

/** The most comparisons `compare` answers: those shared by the most papers first. */
export const MAX_COMPARISONS = 50;

@ObjectType({ description: 'A compared paper on one leaderboard and metric: its best row there and that row’s rank.' })
export class ComparisonEntry {
  paperId!: string;

  @Field(() => Paper, { description: 'The paper.' })
  paper?: Paper;

  @Field(() => Result, {
    description: 'Its best row on the metric (the best value; then the earliest, then by model name).',
  })
  result!: Result;

  @Field(() => MetricValue, { description: 'That row’s value on the metric.' })
  value!: MetricValue;

  @Field(() => Int, {
    description:
      'That row’s rank among every row of the leaderboard on the metric, as `Leaderboard.entries` ranks them (ties shared, unreadable values last).',
  })
  rank!: number;
}

@ObjectType({ description: 'A leaderboard and metric on which at least two of the compared papers have a row.' })
export class Comparison {
  @Field(() => Leaderboard, { description: 'The leaderboard.' })
  leaderboard!: Leaderboard;

  @Field(() => Metric, { description: 'The metric the papers are compared on.' })
  metric!: Metric;

  @Field(() => [ComparisonEntry], {
    description: 'One entry per compared paper with a row there (at least two), in the order the papers were asked.',
  })
  entries!: ComparisonEntry[];
}
