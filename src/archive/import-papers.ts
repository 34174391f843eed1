import type { Db } from '../db/gateway';
import { Batcher } from './batcher';
import { readPaperRecord, type PaperRow } from './paper-record';
import { PaperWriter } from './paper-writer';
import type { Progress } from './progress';
import { forEachRecord, recordLabel } from './records';
import type { FileReport } from './report';

/** Streams `papers-with-abstracts.json[.gz]` into the graph in batched transactions. */
export async function importPapers(
  db: Db,
  file: string,
  report: FileReport,
  progress: Progress,
  batchSize: number,
): Promise<void> {
  const writer = await PaperWriter.open(db, report);
  const batcher = new Batcher<PaperRow>(batchSize, async (rows) => {
    await writer.write(rows);
    report.written += rows.length;
  });
  await forEachRecord(file, report, progress, async (record, index) => {
    const outcome = readPaperRecord(record);
    const label = recordLabel(index, record, 'paper_url', 'title');
    if ('skipped' in outcome) return report.skip(outcome.skipped, label);
    for (const repair of outcome.repaired) report.repair(repair, label);
    await batcher.add(outcome.row);
  });
  await batcher.drain();
}
