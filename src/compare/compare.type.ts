import { Field, ObjectType } from 'type-graphql';
import { Leaderboard, RankedResult } from '../leaderboard/leaderboard.type';
import { Metric } from '../leaderboard/metric.type';
import { Paper } from '../paper/paper.type';

/** How many papers `compare` takes. */
export const MIN_COMPARED = 2;
export const MAX_COMPARED = 5;

/** The most comparisons `compare` answers: those shared by the most papers first. */
export const MAX_COMPARISONS = 50;

@ObjectType({ description: 'A compared paper on one leaderboard and metric: its best row there, if it has one.' })
export class ComparedPaper {
  paperId!: string;

  @Field(() => Paper, { description: 'The paper.' })
  paper?: Paper;

  @Field(() => RankedResult, {
    nullable: true,
    description:
      'Its best row on the metric (the best value; then the earliest, then by model name) with that row’s rank among every row of the leaderboard; null when it has no row there.',
  })
  best!: RankedResult | null;
}

@ObjectType({ description: 'A leaderboard and metric on which at least two of the compared papers have a row.' })
export class Comparison {
  @Field(() => Leaderboard, { description: 'The leaderboard.' })
  leaderboard!: Leaderboard;

  @Field(() => Metric, { description: 'The metric the papers are compared on.' })
  metric!: Metric;

  @Field(() => [ComparedPaper], { description: 'Every compared paper, in the order asked.' })
  papers!: ComparedPaper[];
}
