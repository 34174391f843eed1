import { readStatement } from '../db/cypher';
import type { GraphReader } from '../db/gateway';
import { firstPerKey, readManyPerKey, readOnePerKey } from '../db/keyed-read';
import { datasetTask, reachedBy, taskProjection } from '../db/graph-vocabulary';
import { CatalogueRepository, type CatalogueDefinition } from '../db/catalogue';
import { TaskOrder, type TaskFilter } from './task-filter';
import type { Task } from './task.type';

const TASKS_BY_ID = readStatement(
  'task.byIds',
  ($) => `
UNWIND ${$.ids} AS id
MATCH (t:Task {id: id})
RETURN id AS key, ${taskProjection('t')} AS value
`,
);

const TASKS_OF_PAPERS = readStatement(
  'task.ofPapers',
  ($) => `
UNWIND ${$.ids} AS id
MATCH (:Paper {id: id})-[h:HAS_TASK]->(t:Task)
WITH id, t ORDER BY id, h.position
RETURN id AS key, ${taskProjection('t')} AS value
`,
);

const PARENTS = readStatement(
  'task.parents',
  ($) => `
UNWIND ${$.ids} AS id
CALL (id) {
  MATCH (:Task {id: id})-[:SUBTASK_OF]->(t:Task)
  RETURN t ORDER BY t.id LIMIT 1
}
RETURN id AS key, ${taskProjection('t')} AS value
`,
);

const SUBTASKS = readStatement(
  'task.subtasks',
  ($) => `
UNWIND ${$.ids} AS id
MATCH (:Task {id: id})<-[:SUBTASK_OF]-(t:Task)
WITH id, t ORDER BY id, t.name, t.id
${firstPerKey($.limit, 't')}
RETURN id AS key, ${taskProjection('t')} AS value
`,
);

const TASKS_OF_AREAS = readStatement(
  'task.ofAreas',
  ($) => `
UNWIND ${$.ids} AS id
MATCH (:Area {id: id})<-[:IN_AREA]-(t:Task)
WITH id, t, COUNT { (t)<-[:HAS_TASK]-() } AS papers ORDER BY id, papers DESC, t.id
${firstPerKey($.limit, 't')}
RETURN id AS key, ${taskProjection('t')} AS value
`,
);

// A dataset's tasks: those the dataset lists and those of its leaderboards.
const TASKS_OF_DATASETS = readStatement(
  'task.ofDatasets',
  ($) => `
UNWIND ${$.ids} AS id
MATCH (d:Dataset {id: id})
CALL (d) {
  ${reachedBy(datasetTask('d', 't:Task'), 't')}
}
WITH id, t ORDER BY id, t.name, t.id
${firstPerKey($.limit, 't')}
RETURN id AS key, ${taskProjection('t')} AS value
`,
);

export class TaskRepository {
  constructor(private readonly db: GraphReader) {}

  byIds(ids: readonly string[]): Promise<Map<string, Task>> {
    return readOnePerKey(this.db, TASKS_BY_ID, ids);
  }

  /** Each paper's tasks in the order the paper lists them. */
  ofPapers(paperIds: readonly string[]): Promise<Map<string, Task[]>> {
    return readManyPerKey(this.db, TASKS_OF_PAPERS, paperIds);
  }

  /** Each task's parent (the first by id, should the archive give several). */
  parents(taskIds: readonly string[]): Promise<Map<string, Task>> {
    return readOnePerKey(this.db, PARENTS, taskIds);
  }

  /** Each task's first `limit` subtasks by name. */
  subtasks(taskIds: readonly string[], limit: number): Promise<Map<string, Task[]>> {
    return readManyPerKey(this.db, SUBTASKS, taskIds, { limit });
  }

  /** Each area's `limit` tasks with the most papers. */
  ofAreas(areaIds: readonly string[], limit: number): Promise<Map<string, Task[]>> {
    return readManyPerKey(this.db, TASKS_OF_AREAS, areaIds, { limit });
  }

  /** Each dataset's first `limit` tasks by name. */
  ofDatasets(datasetIds: readonly string[], limit: number): Promise<Map<string, Task[]>> {
    return readManyPerKey(this.db, TASKS_OF_DATASETS, datasetIds, { limit });
  }
}

const TASK_CATALOGUE: CatalogueDefinition<TaskFilter, TaskOrder> = {
  name: 'task',
  match: 'MATCH (n:Task)',
  conditions: {
    area: ($) => `EXISTS { (n)-[:IN_AREA]->(:Area {id: ${$.filter}.area}) }`,
    parent: ($) => `EXISTS { (n)-[:SUBTASK_OF]->(:Task {id: ${$.filter}.parent}) }`,
    hasLeaderboards: ($) => `EXISTS { (n)<-[:FOR_TASK]-(:Leaderboard) } = ${$.filter}.hasLeaderboards`,
  },
  anchors: {
    area: ($) => `MATCH (:Area {id: ${$.filter}.area})<-[:IN_AREA]-(n:Task)`,
    parent: ($) => `MATCH (:Task {id: ${$.filter}.parent})<-[:SUBTASK_OF]-(n:Task)`,
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

/** The catalogue of all tasks, filtered and sorted, a page at a time. */
export class TaskCatalogue extends CatalogueRepository<Task, TaskFilter, TaskOrder> {
  constructor(db: GraphReader) {
    super(db, TASK_CATALOGUE);
  }
}
