import { Field, ID, InputType, registerEnumType } from 'type-graphql';

export enum TaskOrder {
  PAPER_COUNT_DESC = 'PAPER_COUNT_DESC',
  NAME_ASC = 'NAME_ASC',
}
registerEnumType(TaskOrder, {
  name: 'TaskOrder',
  description: 'How a list of tasks is sorted; ties are broken by id.',
  valuesConfig: {
    PAPER_COUNT_DESC: { description: 'Most papers first (the default).' },
    NAME_ASC: { description: 'By name, A to Z, ignoring case.' },
  },
});

@InputType({ description: 'Conditions on a list of tasks; all given conditions must hold.' })
export class TaskFilter {
  @Field(() => ID, { nullable: true, description: 'Tasks in this area, e.g. computer-vision.' })
  area?: string | null;

  @Field(() => ID, { nullable: true, description: 'Direct subtasks of this task.' })
  parent?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'true: tasks with at least one leaderboard; false: without.' })
  hasLeaderboards?: boolean | null;
}
