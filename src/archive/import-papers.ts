import type { Db } from '../db/gateway';
import type { Logger } from '../logger';
import { ArchiveReadError, readJsonArray } from './json-array';
import { readPaperRecord, type PaperRow } from './paper-record';
import { PaperWriter } from './paper-writer';

export interface ImportCounts {
  records: number;
  written: number;
  skipped: Record<string, number>;
  repaired: Record<string, number>;
}

const DEFAULT_BATCH_SIZE = 1000;

/** Streams `papers-with-abstracts.json[.gz]` into the graph in batched transactions. */
export async function importPapers(
  db: Db,
  file: string,
  log: Logger,
  batchSize = DEFAULT_BATCH_SIZE,
): Promise<ImportCounts> {
  const writer = await PaperWriter.open(db);
  const counts: ImportCounts = { records: 0, written: 0, skipped: {}, repaired: {} };
  let batch: PaperRow[] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    await writer.write(batch);
    counts.written += batch.length;
    batch = [];
  };
  for await (const { index, value } of readJsonArray(file)) {
    counts.records += 1;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      throw new ArchiveReadError(file, index, 'expected a paper object');
    }
    const outcome = readPaperRecord(value as Record<string, unknown>);
    if ('skipped' in outcome) {
      counts.skipped[outcome.skipped] = (counts.skipped[outcome.skipped] ?? 0) + 1;
      continue;
    }
    for (const repair of outcome.repaired) counts.repaired[repair] = (counts.repaired[repair] ?? 0) + 1;
    batch.push(outcome.row);
    if (batch.length >= batchSize) await flush();
  }
  await flush();
  log.info({ file, ...counts }, 'papers imported');
  return counts;
}
