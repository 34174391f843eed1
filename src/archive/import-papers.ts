import type { Db } from '../db/gateway';
import { readPaperRecord } from './paper-record';
import { PaperWriter } from './paper-writer';
import type { Progress } from './progress';
import { importRows } from './records';
import type { FileReport } from './report';

/** Streams `papers-with-abstracts.json[.gz]` into the graph in batched transactions. */
export async function importPapers(
  db: Db,
  file: string,
  report: FileReport,
  progress: Progress,
  batchSize: number,
  writers = 1,
): Promise<void> {
  const writer = await PaperWriter.open(db, report);
  await importRows({
    file,
    report,
    progress,
    batchSize,
    concurrency: writers,
    labelFields: ['paper_url', 'title'],
    read: (record, label) => {
      const outcome = readPaperRecord(record);
      if ('skipped' in outcome) {
        report.skip(outcome.skipped, label);
        return null;
      }
      for (const repair of outcome.repaired) report.repair(repair, label);
      return outcome.row;
    },
    write: (rows) => writer.write(rows),
  });
}
