import { cypher } from '../db/cypher';
import type { GraphWriter } from '../db/gateway';
import { slugify } from '../model/slug';

const EXISTING_TASKS = cypher('import.existingTasks', 'MATCH (t:Task) RETURN t.name AS name, t.id AS id ORDER BY t.id');

/**
 * Gives each task name its id. Names already in the graph keep theirs, so re-imports are stable;
 * a new name gets its slug, or the slug with -1, -2, ... when another name already holds it
 * ("Text-to-Image Generation" and "Text to Image Generation" both slug to text-to-image-generation).
 */
export class TaskIds {
  private readonly byName = new Map<string, string>();
  private readonly taken = new Set<string>();

  constructor(existing: Iterable<{ name: string; id: string }>) {
    for (const { name, id } of existing) {
      this.byName.set(name, id);
      this.taken.add(id);
    }
  }

  /** The ids of the tasks already in the graph. */
  static async load(db: GraphWriter): Promise<TaskIds> {
    return new TaskIds(await db.query<{ name: string; id: string }>(EXISTING_TASKS));
  }

  idFor(name: string): string {
    const known = this.byName.get(name);
    if (known) return known;
    const base = slugify(name) || 'task';
    let id = base;
    for (let suffix = 1; this.taken.has(id); suffix += 1) id = `${base}-${suffix}`;
    this.byName.set(name, id);
    this.taken.add(id);
    return id;
  }
}
