import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Paper } from '../paper/paper.type';

export enum ReasonKind {
  SHARED_TASK = 'SHARED_TASK',
  SHARED_DATASET = 'SHARED_DATASET',
  SHARED_METHOD = 'SHARED_METHOD',
  SHARED_AUTHOR = 'SHARED_AUTHOR',
  SAME_LEADERBOARD = 'SAME_LEADERBOARD',
}
registerEnumType(ReasonKind, {
  name: 'ReasonKind',
  description: 'What two papers (or a paper and a task) have in common.',
  valuesConfig: {
    SHARED_TASK: { description: 'Both address the task.' },
    SHARED_DATASET: { description: 'Both introduce or evaluate on the dataset.' },
    SHARED_METHOD: { description: 'Both use the method.' },
    SHARED_AUTHOR: { description: 'The author wrote both.' },
    SAME_LEADERBOARD: { description: 'Both have results on the leaderboard.' },
  },
});

@ObjectType({ description: 'One thing a related paper shares, and how much it counts.' })
export class RelationReason {
  @Field(() => ReasonKind, { description: 'What kind of thing is shared.' })
  kind!: ReasonKind;

  @Field(() => ID, { description: 'The id of the shared task, dataset, method, author or leaderboard.' })
  id!: string;

  @Field(() => String, { description: 'Its name.' })
  name!: string;

  @Field(() => Float, {
    description:
      'What it adds to the score: the kind’s weight times its rarity, ln(N / papers linked to it) / ln(N) for N papers, so a niche task counts far more than a popular one.',
  })
  weight!: number;
}

@ObjectType({ description: 'A paper related to another paper or to a task, with its score and every reason.' })
export class RelatedPaper {
  @Field(() => Paper, { description: 'The related paper.' })
  paper!: Paper;

  @Field(() => Float, { description: 'The sum of the reasons’ weights; higher is closer.' })
  score!: number;

  @Field(() => [RelationReason], { description: 'What it shares, heaviest first.' })
  reasons!: RelationReason[];
}
