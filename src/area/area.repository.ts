import { readStatement } from '../db/cypher';
import type { GraphReader } from '../db/gateway';
import { readManyPerKey, readOnePerKey } from '../db/keyed-read';
import type { Area } from './area.type';

const AREAS_BY_ID = readStatement(
  'area.byIds',
  ($) => `
UNWIND ${$.ids} AS id
MATCH (a:Area {id: id})
RETURN id AS key, a { .id, .name } AS value
`,
);

// Areas that group tasks (method collections have areas of their own naming too).
const ALL_AREAS = readStatement(
  'area.all',
  () => `
MATCH (a:Area) WHERE EXISTS { (a)<-[:IN_AREA]-(:Task) }
RETURN a { .id, .name } AS area ORDER BY toLower(a.name), a.id
`,
  ['area'],
);

const AREAS_OF_TASKS = readStatement(
  'area.ofTasks',
  ($) => `
UNWIND ${$.ids} AS id
MATCH (:Task {id: id})-[:IN_AREA]->(a:Area)
WITH id, a ORDER BY id, a.name
RETURN id AS key, a { .id, .name } AS value
`,
);

export class AreaRepository {
  constructor(private readonly db: GraphReader) {}

  byIds(ids: readonly string[]): Promise<Map<string, Area>> {
    return readOnePerKey(this.db, AREAS_BY_ID, ids);
  }

  /** Every area that has tasks, by name. */
  async all(): Promise<Area[]> {
    const rows = await this.db.read<{ area: Area }>(ALL_AREAS, {});
    return rows.map((row) => row.area);
  }

  ofTasks(taskIds: readonly string[]): Promise<Map<string, Area[]>> {
    return readManyPerKey(this.db, AREAS_OF_TASKS, taskIds);
  }
}
