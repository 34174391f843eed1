import { cypher } from '../db/cypher';
import type { Db } from '../db/gateway';
import type { Task } from './task.type';

const TASKS_OF_PAPERS = cypher(
  'task.ofPapers',
  `
UNWIND $paperIds AS paperId
MATCH (:Paper {id: paperId})-[h:HAS_TASK]->(t:Task)
WITH paperId, t, h ORDER BY h.position
RETURN paperId, collect(t { .id, .name, .description }) AS tasks
`,
);

export class TaskRepository {
  constructor(private readonly db: Db) {}

  /** Each paper's tasks in the order the paper lists them. */
  async ofPapers(paperIds: readonly string[]): Promise<Map<string, Task[]>> {
    const rows = await this.db.read<{ paperId: string; tasks: Task[] }>(TASKS_OF_PAPERS, { paperIds });
    return new Map(rows.map((row) => [row.paperId, row.tasks]));
  }
}
