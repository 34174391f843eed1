import { cypher } from '../db/cypher';
import type { Db } from '../db/gateway';
import type { Logger } from '../logger';
import { findArchiveFiles } from './archive-files';
import { importArchive, type ImportOptions } from './import-archive';

const PAPER_COUNT = cypher('sample.paperCount', 'MATCH (p:Paper) RETURN count(p) AS papers');

/** Loads the bundled sample archive (`seed/`) when the graph holds no paper yet; returns whether it did. */
export async function loadSampleIfEmpty(
  db: Db,
  seedDir: string,
  log: Logger,
  options: Omit<ImportOptions, 'log'> = {},
): Promise<boolean> {
  const [{ papers }] = await db.read<{ papers: number }>(PAPER_COUNT);
  if (papers > 0) return false;
  log.info({ from: seedDir }, 'the graph is empty: loading the bundled sample');
  await importArchive(db, findArchiveFiles([seedDir]), { ...options, log });
  return true;
}
