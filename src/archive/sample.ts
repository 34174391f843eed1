import type { Config } from '../config';
import { cypher } from '../db/cypher';
import type { GraphWriter } from '../db/gateway';
import type { Logger } from '../logger';
import { findArchiveFiles } from './archive-files';
import { importArchive } from './import-archive';
import { readDirectionOverrides } from './metric-direction';

const PAPER_COUNT = cypher('sample.paperCount', 'MATCH (p:Paper) RETURN count(p) AS papers');

/**
 * Loads the bundled sample archive (`seed/`) when the graph holds no paper yet, with the same
 * metric-direction overrides as `npm run import`; returns whether it did.
 */
export async function loadSampleIfEmpty(
  db: GraphWriter,
  config: Pick<Config, 'seedDir' | 'metricDirectionsFile'>,
  log: Logger,
): Promise<boolean> {
  const [{ papers }] = await db.query<{ papers: number }>(PAPER_COUNT);
  if (papers > 0) return false;
  log.info({ from: config.seedDir }, 'the graph is empty: loading the bundled sample');
  await importArchive(db, findArchiveFiles([config.seedDir]), {
    directionOverrides: readDirectionOverrides(config.metricDirectionsFile),
    log,
  });
  return true;
}
