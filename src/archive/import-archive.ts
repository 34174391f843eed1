import path from 'node:path';
import type { GraphWriter } from '../db/gateway';
import { updateNameKeys } from '../db/name-keys';
import { storePaperFacets } from '../db/paper-facets';
import type { Logger } from '../logger';
import type { ArchiveFile, ArchiveKind } from './archive-files';
import { importDatasets } from './import-datasets';
import { importEvaluationTables } from './import-evaluation-tables';
import { importLinks } from './import-links';
import { importMethods } from './import-methods';
import { importPapers } from './import-papers';
import type { MetricDirection } from '../model/metric';
import { SILENT_PROGRESS, type Progress } from './progress';
import type { FileImport } from './records';
import { FileReport } from './report';

export interface ImportOptions {
  /** Records (papers, links, ...) or rows (evaluation tables) written per transaction. */
  batchSize?: number;
  /** Transactions writing papers and code links at once (their records are independent). */
  writers?: number;
  progress?: Progress;
  /** Metric directions that win over the curated rules (schema/metric-directions.json). */
  directionOverrides?: ReadonlyMap<string, MetricDirection>;
  log?: Logger;
}

export interface ImportReport {
  files: FileReport[];
  seconds: number;
  /** The importing process's peak resident memory so far, in MiB. */
  peakRssMiB: number;
}

export const DEFAULT_BATCH_SIZE = 2000;
export const DEFAULT_WRITERS = 1;

/**
 * Imports archive files (any subset of the five, as `findArchiveFiles` lists them) in the order
 * that makes joins resolve. Every batch is one transaction, so a failure leaves whole
 * batches only, and a rerun (all writes are MERGEs) completes the graph.
 */
export async function importArchive(
  db: GraphWriter,
  archive: ArchiveFile[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const {
    batchSize = DEFAULT_BATCH_SIZE,
    writers = DEFAULT_WRITERS,
    progress = SILENT_PROGRESS,
    directionOverrides = new Map(),
  } = options;
  const started = performance.now();
  const files: FileReport[] = [];
  const importers: Record<ArchiveKind, (context: FileImport) => Promise<void>> = {
    datasets: importDatasets,
    methods: importMethods,
    papers: importPapers,
    links: importLinks,
    'evaluation-tables': (context) => importEvaluationTables(context, directionOverrides),
  };
  for (const { kind, path: file } of archive) {
    const report = new FileReport(path.basename(file), kind);
    files.push(report);
    const fileStarted = performance.now();
    await importers[kind]({ db, file, report, progress, batchSize, writers });
    report.seconds = (performance.now() - fileStarted) / 1000;
    options.log?.info(report.toJSON(), `imported ${report.file}`);
  }
  await updateNameKeys(db, options.log);
  await storePaperFacets(db, options.log);
  return {
    files,
    seconds: (performance.now() - started) / 1000,
    peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}
