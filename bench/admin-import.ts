// Import benchmark, the other side: the graph our importer wrote (.bench/neo4j-import) exported to CSV
// (bench/admin-csv.ts, reused when complete) and loaded by Neo4j's offline bulk loader,
// `neo4j-admin database import full`, into a fresh home (.bench/neo4j-admin) with the source Neo4j
// stopped; then that graph is started, given the project's constraints and indexes (schema/*.cypher)
// and its counts checked against the source. Reports both times and the ratios of our import's wall
// time to them. Run: npm run bench:admin-import [-- --limit N --redo-csv --ours FILE]
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino, { type Logger } from 'pino';
import { PROJECT_ROOT } from '../src/config';
import { buildSchema } from '../src/db/schema';
import { ManagedNeo4j } from '../src/local-neo4j/managed-neo4j';
import { runAdminImport } from '../src/local-neo4j/neo4j-admin-import';
import { freePort } from '../src/local-neo4j/ports';
import {
  ARRAY_DELIMITER_OPTION,
  exportGraphCsv,
  graphCounts,
  readCsvExport,
  sameCounts,
  type CsvExport,
  type GraphCounts,
} from './admin-csv';
import {
  BENCH_DIR,
  BENCH_PASSWORD,
  benchDriver,
  benchGateway,
  benchNeo4j,
  benchSetting,
  GRAPH_HOME,
} from './bench-graph';

export const CSV_DIR = path.join(BENCH_DIR, 'admin-csv');
export const ADMIN_HOME = path.join(BENCH_DIR, 'neo4j-admin');
const SCHEMA_DIR = path.join(PROJECT_ROOT, 'schema');
/** The target's JVM heap, page cache and neo4j-admin's off-heap budget: modest, beside a running source. */
const ADMIN_MEMORY = { heap: '4g', pageCache: '4g', maxOffHeap: '4g' } as const;
const START_TIMEOUT_MS = 180_000;

/** What the benchmark needs of our importer's result (bench/results/import-<papers>.json). */
export interface OurImport {
  papers: number;
  importWallSeconds: number;
}

export interface AdminImportOptions {
  /** Our import's result, to compare with. */
  ours: OurImport;
  /** Export only this many rows per label and type (a smoke test; the result goes to .bench/). */
  limit?: number;
  /** Export the CSV again even when a complete export is there. */
  redoCsv?: boolean;
}

export type AdminImportResult = ReturnType<typeof resultOf>;

/** Exports the source graph to CSV unless a complete export with the same limit is there. */
async function csvExport(options: AdminImportOptions, log: Logger): Promise<{ csv: CsvExport; reused: boolean }> {
  const limit = options.limit ?? null;
  const existing = options.redoCsv ? undefined : readCsvExport(CSV_DIR);
  if (existing && existing.limit === limit) {
    log.info({ dir: CSV_DIR, seconds: existing.seconds }, 'reusing the CSV export');
    return { csv: existing, reused: true };
  }
  const source = await benchNeo4j(log);
  await source.start();
  const driver = benchDriver(source.uri);
  try {
    log.info({ from: source.uri, to: CSV_DIR, limit }, 'exporting the graph to CSV');
    const csv = await exportGraphCsv(driver, CSV_DIR, limit, log);
    log.info({ seconds: csv.seconds, MiB: mib(csv.bytes), files: csv.files.length }, 'CSV export done');
    return { csv, reused: false };
  } finally {
    await driver.close();
    // Stops only a Neo4j this process started: the timing below must not share the machine with it.
    await source.stop();
  }
}

function adminConfig(boltPort: number) {
  return {
    home: ADMIN_HOME,
    boltPort,
    heap: ADMIN_MEMORY.heap,
    pageCache: ADMIN_MEMORY.pageCache,
    startTimeoutMs: START_TIMEOUT_MS,
  };
}

/** Runs `neo4j-admin database import full` into a fresh ADMIN_HOME; resolves with its wall time. */
async function adminImport(csv: CsvExport, log: Logger): Promise<number> {
  rmSync(ADMIN_HOME, { recursive: true, force: true });
  return runAdminImport(
    adminConfig(0),
    {
      files: csv.files.map(({ kind, file, multiline }) => ({
        kind,
        name: null,
        file: path.join(CSV_DIR, file),
        multiline,
      })),
      arrayDelimiter: ARRAY_DELIMITER_OPTION,
      maxOffHeap: ADMIN_MEMORY.maxOffHeap,
      overwrite: false,
    },
    log,
  );
}

/** Starts the imported graph, builds the indexes (timed) and checks its counts against the export. */
async function indexAndVerify(csv: CsvExport, log: Logger): Promise<{ indexSeconds: number; counts: GraphCounts }> {
  const target = new ManagedNeo4j(adminConfig(await freePort()), BENCH_PASSWORD, log);
  await target.start();
  const gateway = benchGateway(target.uri, 3_600_000);
  const driver = benchDriver(target.uri);
  try {
    const started = performance.now();
    await buildSchema(gateway, SCHEMA_DIR, log);
    const indexSeconds = (performance.now() - started) / 1000;
    const counts = await graphCounts(driver);
    if (!sameCounts(counts, csv.written)) {
      throw new Error(
        `the neo4j-admin graph differs from the source:\n  source:      ${JSON.stringify(csv.written)}\n` +
          `  neo4j-admin: ${JSON.stringify(counts)}`,
      );
    }
    return { indexSeconds, counts };
  } finally {
    await driver.close();
    await gateway.close();
    await target.stop();
  }
}

function resultOf(
  ours: OurImport,
  csv: CsvExport,
  reused: boolean,
  adminSeconds: number,
  indexSeconds: number,
  counts: GraphCounts,
  sourceRunning: boolean,
  loadAverage: { before: number; after: number },
) {
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    date: new Date().toISOString(),
    ...benchSetting(),
    adminNeo4j: { ...ADMIN_MEMORY, threads: 'default (the machine cores)' },
    papers: ours.papers,
    csv: {
      limit: csv.limit,
      reused,
      exportSeconds: csv.seconds,
      MiB: mib(csv.bytes),
      files: csv.files.length,
      multilineFiles: csv.files
        .filter(({ multiline }) => multiline)
        .map(({ file }) => file)
        .join(', '),
      emptyArraysNotImported: csv.emptyArrays,
    },
    sourceNeo4jRunningDuringAdminImport: sourceRunning,
    /** The machine's 1-minute load average before and after neo4j-admin (2 cores; the machine is shared). */
    loadAverage,
    adminImportSeconds: round(adminSeconds),
    indexBuildSeconds: round(indexSeconds),
    adminPlusIndexesSeconds: round(adminSeconds + indexSeconds),
    oursImportWallSeconds: ours.importWallSeconds,
    ratios: {
      oursOverAdmin: round2(ours.importWallSeconds / adminSeconds),
      oursOverAdminPlusIndexes: round2(ours.importWallSeconds / (adminSeconds + indexSeconds)),
    },
    nodes: counts.nodes,
    relationships: counts.relationships,
    sourceNodes: csv.source.nodes,
    sourceRelationships: csv.source.relationships,
  };
}

/** The whole comparison; writes bench/results/import-admin-<papers>.json (.bench/ for a limited run). */
export async function adminImportBench(log: Logger, options: AdminImportOptions): Promise<AdminImportResult> {
  const { csv, reused } = await csvExport(options, log);
  const sourceRunning = ManagedNeo4j.runningIn(GRAPH_HOME) !== undefined;
  if (sourceRunning) log.warn('the source Neo4j is still running: neo4j-admin shares the machine with it');
  const loadBefore = os.loadavg()[0];
  const adminSeconds = await adminImport(csv, log);
  const loadAverage = { before: round2(loadBefore), after: round2(os.loadavg()[0]) };
  log.info({ seconds: Math.round(adminSeconds) }, 'neo4j-admin import done');
  const { indexSeconds, counts } = await indexAndVerify(csv, log);
  log.info({ seconds: Math.round(indexSeconds) }, 'indexes online; counts match the source');
  const result = resultOf(options.ours, csv, reused, adminSeconds, indexSeconds, counts, sourceRunning, loadAverage);
  const name = `import-admin-${options.ours.papers}${csv.limit ? `-limit${csv.limit}` : ''}.json`;
  const out = csv.limit ? path.join(BENCH_DIR, name) : path.join(PROJECT_ROOT, 'bench', 'results', name);
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  log.info({ out }, 'result written');
  return result;
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

function mib(bytes: number): number {
  return Math.round(bytes / 2 ** 20);
}

async function main() {
  const { values } = parseArgs({
    options: {
      ours: { type: 'string', default: path.join(PROJECT_ROOT, 'bench', 'results', 'import-576261.json') },
      limit: { type: 'string' },
      'redo-csv': { type: 'boolean', default: false },
    },
  });
  const ours = JSON.parse(readFileSync(values.ours, 'utf8')) as OurImport;
  const result = await adminImportBench(pino({ level: 'info' }), {
    ours,
    limit: values.limit ? Number(values.limit) : undefined,
    redoCsv: values['redo-csv'],
  });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
