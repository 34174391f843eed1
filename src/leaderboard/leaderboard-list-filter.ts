import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';

export enum LeaderboardOrder {
  RESULTS_DESC = 'RESULTS_DESC',
  LAST_SOTA_DESC = 'LAST_SOTA_DESC',
  NAME_ASC = 'NAME_ASC',
}
registerEnumType(LeaderboardOrder, {
  name: 'LeaderboardOrder',
  description: 'How a list of leaderboards is sorted; ties are broken by id.',
  valuesConfig: {
    RESULTS_DESC: { description: 'Most results first (the default): the notable benchmarks.' },
    LAST_SOTA_DESC: {
      description:
        'Latest state of the art first (when the best result on the first metric was set): what moved recently. Leaderboards without a dated result last.',
    },
    NAME_ASC: { description: 'By benchmark name, A to Z, ignoring case.' },
  },
});

@InputType({ description: 'Conditions on a list of leaderboards; all given conditions must hold.' })
export class LeaderboardListFilter {
  @Field(() => ID, { nullable: true, description: 'Leaderboards of this task, e.g. question-answering.' })
  task?: string | null;

  @Field(() => ID, { nullable: true, description: 'Leaderboards on this dataset, e.g. squad.' })
  dataset?: string | null;

  @Field(() => ID, { nullable: true, description: 'Leaderboards of tasks in this area, e.g. computer-vision.' })
  area?: string | null;

  @Field(() => Int, { nullable: true, description: 'Leaderboards with at least this many results.' })
  minResults?: number | null;
}
