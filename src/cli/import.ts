import { writeFileSync } from 'node:fs';
import { findArchiveFiles } from '../archive/archive-files';
import { importArchive, type ImportReport } from '../archive/import-archive';
import { readDirectionOverrides } from '../archive/metric-direction';
import { createProgress, SILENT_PROGRESS } from '../archive/progress';
import type { Config } from '../config';
import { connectGraph } from '../db/graph-connection';
import type { Logger } from '../logger';

export interface ImportCommandOptions {
  batchSize: number;
  writers: number;
  report?: string;
  progress: boolean;
}

function summary(report: ImportReport): string {
  const lines = report.files.flatMap((file) => file.describe());
  return `${lines.join('\n')}\ntotal ${report.seconds.toFixed(1)} s, peak memory ${report.peakRssMiB} MiB`;
}

/** `import <paths...>`: the archive files into NEO4J_URI's graph, or the managed one (started if needed). */
export async function importCommand(
  inputs: string[],
  options: ImportCommandOptions,
  config: Config,
  log: Logger,
): Promise<void> {
  // Bad paths and a bad overrides file are reported before any database is started or touched.
  const archive = findArchiveFiles(inputs);
  const directionOverrides = readDirectionOverrides(config.metricDirectionsFile);
  const graph = await connectGraph(
    {
      ...config,
      neo4j: {
        ...config.neo4j,
        queryTimeoutMs: config.neo4j.importTxTimeoutMs,
        // Parallel writers can deadlock on a shared author; Neo4j then aborts one, which is retried,
        // as are batches while Neo4j restarts. A Neo4j gone for longer ends the import with a message.
        transactionRetryMs: config.neo4j.importRetryMs,
      },
    },
    log,
  );
  try {
    const report = await importArchive(graph.gateway, archive, {
      batchSize: options.batchSize,
      writers: options.writers,
      progress: options.progress ? createProgress(log) : SILENT_PROGRESS,
      directionOverrides,
      log,
    });
    process.stdout.write(`${summary(report)}\n`);
    if (options.report) {
      writeFileSync(
        options.report,
        `${JSON.stringify({ ...report, files: report.files.map((file) => file.toJSON()) }, null, 2)}\n`,
      );
      log.info({ file: options.report }, 'import report written');
    }
  } finally {
    await graph.close();
  }
}
