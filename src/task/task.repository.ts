import { cypher } from '../db/cypher';
import type { Db } from '../db/gateway';
import { firstPerKey, readManyPerKey, readOnePerKey } from '../db/keyed-read';
import type { Task } from './task.type';

/** The properties of a task the API returns, projected from the variable `t`. */
export function taskProjection(t: string): string {
  return `${t} { .id, .name, .description, paperCount: COUNT { (${t})<-[:HAS_TASK]-() } }`;
}

const TASKS_BY_ID = cypher(
  'task.byIds',
  `
UNWIND $ids AS id
MATCH (t:Task {id: id})
RETURN id AS key, ${taskProjection('t')} AS value
`,
);

const TASKS_OF_PAPERS = cypher(
  'task.ofPapers',
  `
UNWIND $ids AS id
MATCH (:Paper {id: id})-[h:HAS_TASK]->(t:Task)
WITH id, t ORDER BY id, h.position
RETURN id AS key, ${taskProjection('t')} AS value
`,
);

const PARENTS = cypher(
  'task.parents',
  `
UNWIND $ids AS id
CALL (id) {
  MATCH (:Task {id: id})-[:SUBTASK_OF]->(t:Task)
  RETURN t ORDER BY t.id LIMIT 1
}
RETURN id AS key, ${taskProjection('t')} AS value
`,
);

const SUBTASKS = cypher(
  'task.subtasks',
  `
UNWIND $ids AS id
MATCH (:Task {id: id})<-[:SUBTASK_OF]-(t:Task)
WITH id, t ORDER BY id, t.name, t.id
${firstPerKey('t')}
RETURN id AS key, ${taskProjection('t')} AS value
`,
);

const TASKS_OF_AREAS = cypher(
  'task.ofAreas',
  `
UNWIND $ids AS id
MATCH (:Area {id: id})<-[:IN_AREA]-(t:Task)
WITH id, t, COUNT { (t)<-[:HAS_TASK]-() } AS papers ORDER BY id, papers DESC, t.id
${firstPerKey('t')}
RETURN id AS key, ${taskProjection('t')} AS value
`,
);

// A dataset's tasks: those the dataset lists and those of its leaderboards.
const TASKS_OF_DATASETS = cypher(
  'task.ofDatasets',
  `
UNWIND $ids AS id
MATCH (d:Dataset {id: id})
CALL (d) {
  MATCH (d)-[:HAS_TASK]->(t:Task) RETURN t
  UNION
  MATCH (d)<-[:ON_DATASET]-(:Leaderboard)-[:FOR_TASK]->(t:Task) RETURN t
}
WITH id, t ORDER BY id, t.name, t.id
${firstPerKey('t')}
RETURN id AS key, ${taskProjection('t')} AS value
`,
);

export class TaskRepository {
  constructor(private readonly db: Db) {}

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
