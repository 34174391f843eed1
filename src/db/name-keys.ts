import type { Logger } from '../logger';
import { titleKey } from '../model/keys';
import { cypher } from './cypher';
import type { GraphWriter } from './gateway';

/**
 * The nodes found by name keep a loose key of it, `nameKey` (accents, case, punctuation and
 * spacing ignored: `titleKey`, which papers keep of their titles as `titleKey`). Search ranks
 * exact and leading name matches by it, and autocomplete seeks name prefixes on its range index
 * (schema/indexes.cypher).
 */
export const NAME_KEYED_LABELS = ['Author', 'Task', 'Dataset', 'Method'] as const;

const BATCH_SIZE = 10_000;

// Read in id order on the id constraint's index, so that a pass reads each node once.
const PASS = NAME_KEYED_LABELS.map((label) => ({
  label,
  read: cypher(
    `nameKeys.read.${label}`,
    `MATCH (n:${label}) WHERE n.id > $after
     WITH n ORDER BY n.id LIMIT $batch
     RETURN n.id AS id, n.name AS name, n.nameKey AS key`,
  ),
  write: cypher(
    `nameKeys.write.${label}`,
    `UNWIND $rows AS row MATCH (n:${label} {id: row.id}) SET n.nameKey = row.key`,
  ),
}));

// Whether the first node of a label (by id, one seek on its constraint's index) lacks its key:
// a graph imported before name keys has none, one imported since has all, as every import ends
// with a pass (a rerun of an interrupted import completes it, as it completes the rest).
const UNKEYED = NAME_KEYED_LABELS.map((label) =>
  cypher(
    `nameKeys.unkeyed.${label}`,
    `MATCH (n:${label}) WITH n ORDER BY n.id LIMIT 1 RETURN n.name IS NOT NULL AND n.nameKey IS NULL AS unkeyed`,
  ),
);

/**
 * Sets the name key of every node whose key is missing or no longer matches its name (a
 * re-import may rename), a batch per transaction; returns how many it set. The importer runs it
 * after every import.
 */
export async function updateNameKeys(db: GraphWriter, log?: Logger, batchSize = BATCH_SIZE): Promise<number> {
  let updated = 0;
  for (const { label, read, write } of PASS) {
    let after = '';
    for (;;) {
      const nodes = await db.query<{ id: string; name: string | null; key: string | null }>(read, {
        after,
        batch: batchSize,
      });
      // `stored` travels along unused: the write reads each row's id and key.
      const rows = nodes
        .map(({ id, name, key }) => ({ id, key: titleKey(name), stored: key }))
        .filter(({ key, stored }) => key !== stored);
      if (rows.length) await db.write(write, { rows });
      updated += rows.length;
      if (nodes.length < batchSize) break;
      after = nodes[nodes.length - 1].id;
    }
    log?.debug({ label }, 'name keys checked');
  }
  if (updated > 0) log?.info({ update: 'name keys', updated }, 'graph updated');
  return updated;
}

/** For a graph imported before name keys existed: computes them once (see updateNameKeys). */
export async function ensureNameKeys(db: GraphWriter, log: Logger, batchSize = BATCH_SIZE): Promise<void> {
  for (const probe of UNKEYED) {
    const [first] = await db.query<{ unkeyed: boolean }>(probe);
    if (first?.unkeyed) {
      await updateNameKeys(db, log, batchSize);
      return;
    }
  }
}
