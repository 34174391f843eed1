import { statSync } from 'node:fs';
import path from 'node:path';
import type { GraphWriter } from '../db/gateway';
import { Batcher } from './batcher';
import { ArchiveReadError, readJsonArray } from './json-array';
import type { Progress } from './progress';
import type { FileReport } from './report';
import { text } from '../model/values';

/** Writing a file into the graph failed (Neo4j stopped, a timeout): what was written stays whole. */
export class ImportWriteError extends Error {
  override name = 'ImportWriteError';
  constructor(
    readonly file: string,
    readonly written: number,
    cause: unknown,
  ) {
    super(
      `${path.basename(file)}: writing to the graph failed after ${written} records: ${cause instanceof Error ? cause.message : String(cause)} ` +
        'The graph holds whole batches only; run the same import again to complete it (records already written are merged, not duplicated).',
      { cause },
    );
  }
}

/**
 * Calls `handle` with each record of an archive file, in order, checking that each is an object;
 * counts records in the report and drives the progress display.
 */
export async function forEachRecord(
  file: string,
  report: FileReport,
  progress: Progress,
  handle: (record: Record<string, unknown>, index: number) => Promise<void>,
): Promise<void> {
  progress.start(path.basename(file), statSync(file).size);
  let bytes = 0;
  try {
    for await (const { index, value } of readJsonArray(file, (read) => (bytes = read))) {
      if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw new ArchiveReadError(file, index, `expected a ${report.kind} record (a JSON object)`);
      }
      report.records += 1;
      await handle(value as Record<string, unknown>, index);
      if (report.records % 500 === 0) progress.update(bytes, report.records);
    }
    progress.update(bytes, report.records);
  } finally {
    progress.stop();
  }
}

/** How reports name a record: its number and the first of `fields` it has as text. */
export function recordLabel(index: number, record: Record<string, unknown>, ...fields: string[]): string {
  const name = fields.map((field) => text(record[field])).find((value) => value !== null);
  return `record ${index}: ${name ?? '(unnamed)'}`;
}

/** What an importer of one archive file works with. */
export interface FileImport {
  db: GraphWriter;
  file: string;
  report: FileReport;
  progress: Progress;
  batchSize: number;
  /** Batches written at once, for files whose records do not depend on each other's writes. */
  writers: number;
}

/**
 * The shape every file importer shares: each record read into at most one row (or skipped, with
 * the reason in the report), rows written in batches, one transaction each.
 */
export async function importRows<Row>(
  { file, report, progress, batchSize }: FileImport,
  spec: {
    /** Batches written at once: the file's `writers`, or 1 when records depend on each other. */
    concurrency: number;
    /** The fields that name a record in the report's examples, first present wins. */
    labelFields: string[];
    read: (record: Record<string, unknown>, label: string) => Row | null;
    write: (rows: Row[]) => Promise<void>;
  },
): Promise<void> {
  const { concurrency, labelFields, read, write } = spec;
  const batcher = new Batcher<Row>(
    batchSize,
    async (rows) => {
      await write(rows);
      report.written += rows.length;
    },
    concurrency,
  );
  try {
    await forEachRecord(file, report, progress, async (record, index) => {
      const row = read(record, recordLabel(index, record, ...labelFields));
      if (row) await batcher.add(row);
    });
    await batcher.drain();
  } catch (error) {
    // Report the failure only once no write is under way, so the graph holds whole batches.
    await batcher.abandon();
    throw error instanceof ArchiveReadError ? error : new ImportWriteError(file, report.written, error);
  }
}
