import { writeFileSync } from 'node:fs';
import { findArchiveFiles, type ArchiveFile } from '../archive/archive-files';
import { bulkImport, type BulkImportReport } from '../archive/bulk/bulk-import';
import { importArchive, type ImportOptions, type ImportReport } from '../archive/import-archive';
import { readDirectionOverrides } from '../archive/metric-direction';
import { createProgress, SILENT_PROGRESS } from '../archive/progress';
import type { Config } from '../config';
import { connectGraph, importingNeo4j } from '../db/graph-connection';
import type { Logger } from '../logger';

export interface ImportCommandOptions {
  batchSize: number;
  writers: number;
  report?: string;
  progress: boolean;
  /** Through neo4j-admin, into an empty managed graph (src/archive/bulk/bulk-import.ts). */
  bulk: boolean;
}

function summary(report: ImportReport | BulkImportReport): string {
  const lines = report.files.flatMap((file) => file.describe());
  if ('phases' in report) {
    lines.push(
      `phases: ${Object.entries(report.phases)
        .map(([name, seconds]) => `${name} ${seconds} s`)
        .join(', ')}`,
    );
  }
  return `${lines.join('\n')}\ntotal ${report.seconds.toFixed(1)} s, peak memory ${report.peakRssMiB} MiB`;
}

/** The transactional import: into NEO4J_URI's graph, or the managed one (started if needed). */
async function transactionalImport(archive: ArchiveFile[], options: ImportOptions, config: Config, log: Logger) {
  const graph = await connectGraph({ ...config, neo4j: importingNeo4j(config.neo4j) }, log);
  try {
    return await importArchive(graph.gateway, archive, options);
  } finally {
    await graph.close();
  }
}

/** `import <paths...>`: the archive files into the graph, transactionally or (`--bulk`) through neo4j-admin. */
export async function importCommand(
  inputs: string[],
  options: ImportCommandOptions,
  config: Config,
  log: Logger,
): Promise<void> {
  // Bad paths and a bad overrides file are reported before any database is started or touched.
  const archive = findArchiveFiles(inputs);
  const importOptions: ImportOptions = {
    batchSize: options.batchSize,
    writers: options.writers,
    progress: options.progress ? createProgress(log) : SILENT_PROGRESS,
    directionOverrides: readDirectionOverrides(config.metricDirectionsFile),
    log,
  };
  const report = options.bulk
    ? await bulkImport(archive, config, { ...importOptions, log })
    : await transactionalImport(archive, importOptions, config, log);
  process.stdout.write(`${summary(report)}\n`);
  if (options.report) {
    writeFileSync(
      options.report,
      `${JSON.stringify({ ...report, files: report.files.map((file) => file.toJSON()) }, null, 2)}\n`,
    );
    log.info({ file: options.report }, 'import report written');
  }
}
