import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import type { CatalogueDefinition } from '../graphql/catalogue';
import { taskProjection } from './task.repository';

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

export const TASK_CATALOGUE: CatalogueDefinition<TaskFilter, TaskOrder> = {
  name: 'task',
  match: 'MATCH (n:Task)',
  conditions: {
    area: 'EXISTS { (n)-[:IN_AREA]->(:Area {id: $filter.area}) }',
    parent: 'EXISTS { (n)-[:SUBTASK_OF]->(:Task {id: $filter.parent}) }',
    hasLeaderboards: 'EXISTS { (n)<-[:FOR_TASK]-(:Leaderboard) } = $filter.hasLeaderboards',
  },
  orders: {
    [TaskOrder.PAPER_COUNT_DESC]: {
      key: 'COUNT { (n)<-[:HAS_TASK]-() }',
      direction: 'DESC',
      keyType: 'integer',
    },
    [TaskOrder.NAME_ASC]: { key: 'toLower(n.name)', direction: 'ASC', keyType: 'text' },
  },
  projection: taskProjection('n'),
};
