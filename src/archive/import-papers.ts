import { readPaperRecord } from './paper-record';
import { PaperResolver, writePapers } from './paper-writer';
import { importRows, type FileImport } from './records';

/** Streams `papers-with-abstracts.json[.gz]` into the graph in batched transactions. */
export async function importPapers(context: FileImport): Promise<void> {
  const { report } = context;
  const resolver = await PaperResolver.load(context.db, report);
  await importRows(context, {
    concurrency: context.writers,
    labelFields: ['paper_url', 'title'],
    read: (record, label) => {
      const outcome = readPaperRecord(record);
      if ('skipped' in outcome) {
        report.skip(outcome.skipped, label);
        return null;
      }
      for (const repair of outcome.repaired) report.repair(repair, label);
      return resolver.resolve(outcome.row);
    },
    write: (rows) => writePapers(context.db, rows),
  });
}
