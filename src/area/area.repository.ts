import { cypher } from '../db/cypher';
import type { Db } from '../db/gateway';
import { readManyPerKey, readOnePerKey } from '../db/keyed-read';
import type { Area } from './area.type';

const AREAS_BY_ID = cypher(
  'area.byIds',
  `
UNWIND $ids AS id
MATCH (a:Area {id: id})
RETURN id AS key, a { .id, .name } AS value
`,
);

// Areas that group tasks (method collections have areas of their own naming too).
const ALL_AREAS = cypher(
  'area.all',
  `
MATCH (a:Area) WHERE EXISTS { (a)<-[:IN_AREA]-(:Task) }
RETURN 'areas' AS key, a { .id, .name } AS value ORDER BY toLower(a.name), a.id
`,
);

const AREAS_OF_TASKS = cypher(
  'area.ofTasks',
  `
UNWIND $ids AS id
MATCH (:Task {id: id})-[:IN_AREA]->(a:Area)
WITH id, a ORDER BY id, a.name
RETURN id AS key, a { .id, .name } AS value
`,
);

export class AreaRepository {
  constructor(private readonly db: Db) {}

  byIds(ids: readonly string[]): Promise<Map<string, Area>> {
    return readOnePerKey(this.db, AREAS_BY_ID, ids);
  }

  /** Every area that has tasks, by name. */
  async all(): Promise<Area[]> {
    const rows = await this.db.readKeyed<Area>(ALL_AREAS);
    return rows.map((row) => row.value);
  }

  ofTasks(taskIds: readonly string[]): Promise<Map<string, Area[]>> {
    return readManyPerKey(this.db, AREAS_OF_TASKS, taskIds);
  }
}
