import type { Logger } from '../logger';
import { cypher, type Cypher } from './cypher';
import type { GraphWriter } from './gateway';
import { leaderboardValues, signedValue } from './graph-vocabulary';
import { ensureNameKeys } from './name-keys';
import { ensurePaperFacets } from './paper-facets';

/**
 * A change a graph may need: to the model, for a graph imported by an earlier version, or to a
 * derived property after an import. Each is idempotent and works in batches, each its own
 * transaction, so an interrupted run leaves a consistent graph that the next run completes.
 */
export interface GraphUpdate {
  /** What it does, for the log. */
  name: string;
  /** Updates at most $batch items and returns how many it updated as `updated`. */
  batch: Cypher;
}

const BATCH_SIZE = 10_000;

/**
 * When the best result on a leaderboard's first metric was set (the date of its last SOTA step:
 * the earliest dated row with the best value), kept as `lastSotaAt` for the LAST_SOTA_DESC order
 * of `leaderboards`. `sotaComputed` marks leaderboards done; the importer removes it from the
 * leaderboards it writes, then runs this update.
 */
export const LEADERBOARD_LAST_SOTA: GraphUpdate = {
  name: 'leaderboard lastSotaAt',
  batch: cypher(
    'update.leaderboardLastSota',
    `
MATCH (l:Leaderboard) WHERE l.sotaComputed IS NULL
WITH l LIMIT $batch
SET l.lastSotaAt = head(COLLECT {
      MATCH (l)-[m:MEASURES]->(x:Metric) WITH l, x ORDER BY m.position LIMIT 1
      ${leaderboardValues('l', 'x')}
      WITH r, v, x WHERE r.date IS NOT NULL AND v.value IS NOT NULL
      RETURN r.date AS date ORDER BY ${signedValue('x', 'v')}, date
      LIMIT 1
    }),
    l.sotaComputed = true
RETURN count(*) AS updated`,
  ),
};

const MIGRATIONS: GraphUpdate[] = [
  {
    // Datasets listed their tasks with HAS_TASK, so a task's HAS_TASK degree counted datasets too.
    name: 'dataset-task links HAS_TASK → LISTS_TASK',
    batch: cypher(
      'migrate.datasetTaskLinks',
      `
MATCH (d:Dataset)-[h:HAS_TASK]->(t:Task)
WITH d, h, t LIMIT $batch
MERGE (d)-[:LISTS_TASK]->(t)
DELETE h
RETURN count(*) AS updated`,
    ),
  },
  // Leaderboards imported before lastSotaAt existed.
  LEADERBOARD_LAST_SOTA,
];

/** Runs an update to the end, batch after batch; logs how many items it updated, if any. */
export async function runUpdate(db: GraphWriter, update: GraphUpdate, log?: Logger, batchSize = BATCH_SIZE) {
  let total = 0;
  for (;;) {
    const [row] = await db.write<{ updated: number }>(update.batch, { batch: batchSize });
    total += row?.updated ?? 0;
    if (!row || row.updated < batchSize) break;
  }
  if (total > 0) log?.info({ update: update.name, updated: total }, 'graph updated');
  return total;
}

/** Brings a graph of an earlier model up to date. */
export async function migrateGraph(db: GraphWriter, log: Logger, batchSize = BATCH_SIZE): Promise<void> {
  for (const migration of MIGRATIONS) await runUpdate(db, migration, log, batchSize);
  await ensureNameKeys(db, log, batchSize);
  await ensurePaperFacets(db, log);
}
