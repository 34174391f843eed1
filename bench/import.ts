// Import benchmark: a generated archive of the real dump's size, imported by the real CLI
// (`node dist/main.js import`) into a fresh managed Neo4j. Reports rows per second per file, total
// time, the importer's peak memory and the Neo4j store size. Run: npm run bench:import [-- --papers N]
// With --bulk: `import --bulk` instead, timed per phase (bench/results/import-bulk-<papers>.json, summary.json).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { PROJECT_ROOT } from '../src/config';
import { graphCounts } from './admin-csv';
import { freePort } from '../src/local-neo4j/ports';
import {
  BENCH_DIR,
  benchDriver,
  benchSetting,
  BENCH_NEO4J_MEMORY,
  BENCH_PASSWORD,
  benchNeo4j,
  GRAPH_HOME,
} from './bench-graph';

const { values } = parseArgs({
  options: {
    papers: { type: 'string', default: '576261' },
    seed: { type: 'string', default: '1' },
    'batch-size': { type: 'string' },
    writers: { type: 'string' },
    bulk: { type: 'boolean', default: false },
  },
});
const papers = Number(values.papers);
const seed = Number(values.seed);
const archiveDir = path.join(BENCH_DIR, `archive-${papers}-seed${seed}`);
const home = GRAPH_HOME;
const PASSWORD = BENCH_PASSWORD;
const log = pino({ level: 'info' });

/** Runs `node dist/main.js <args>`; resolves with its wall time once it exits 0. */
/** Runs a Node script of the project (the server's CLI, the generator) and resolves to its seconds. */
function runCli(args: string[], env: NodeJS.ProcessEnv = {}): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env },
      stdio: 'inherit',
    });
    child.on('close', (code) =>
      code === 0
        ? resolve((performance.now() - started) / 1000)
        : reject(new Error(`${args.join(' ')} exited ${code}`)),
    );
  });
}

function folderBytes(folder: string): number {
  return Number(spawnSync('du', ['-sb', folder], { encoding: 'utf8' }).stdout.split('\t')[0]);
}

async function main() {
  spawnSync('npm', ['run', 'build', '--silent'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  mkdirSync(BENCH_DIR, { recursive: true });
  let generateSeconds: number | null = null;
  if (!existsSync(path.join(archiveDir, 'papers-with-abstracts.json.gz'))) {
    generateSeconds = await runCli([
      '-r',
      'ts-node/register/transpile-only',
      'tools/generate/cli.ts',
      '--papers',
      String(papers),
      '--out',
      archiveDir,
      '--seed',
      String(seed),
    ]);
  }

  rmSync(home, { recursive: true, force: true });
  if (values.bulk) return bulkBench(generateSeconds);
  const neo4j = await benchNeo4j(log);
  await neo4j.start();
  try {
    const reportFile = path.join(BENCH_DIR, 'import-report.json');
    const batchArgs = [
      ...(values['batch-size'] ? ['--batch-size', values['batch-size']] : []),
      ...(values.writers ? ['--writers', values.writers] : []),
    ];
    const wallSeconds = await runCli(['dist/main.js', 'import', archiveDir, '--report', reportFile, ...batchArgs], {
      NEO4J_URI: neo4j.uri,
      NEO4J_PASSWORD: PASSWORD,
      LOG_LEVEL: 'info',
    });
    const report = JSON.parse(readFileSync(reportFile, 'utf8')) as ImportReportFile;
    const driver = benchDriver(neo4j.uri);
    const counts = await graphCounts(driver).finally(() => driver.close());
    const result = {
      date: new Date().toISOString(),
      ...benchSetting(),
      options: { batchSize: values['batch-size'] ?? 'default', writers: values.writers ?? 'default' },
      papers,
      seed,
      generateSeconds,
      importWallSeconds: Math.round(wallSeconds * 10) / 10,
      importSeconds: Math.round(report.seconds * 10) / 10,
      importerPeakRssMiB: report.peakRssMiB,
      storeMiB: Math.round(folderBytes(path.join(home, 'data', 'databases', 'neo4j')) / 2 ** 20),
      transactionLogsMiB: Math.round(folderBytes(path.join(home, 'data', 'transactions', 'neo4j')) / 2 ** 20),
      files: report.files.map(({ file, records, written, seconds, recordsPerSecond }) => ({
        file,
        records,
        written,
        seconds,
        recordsPerSecond,
      })),
      ...counts,
    };
    const out = path.join(
      PROJECT_ROOT,
      'bench',
      'results',
      `import-${papers}${values.writers ? `-writers${values.writers}` : ''}.json`,
    );
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(result, null, 2)}\nwritten to ${out}\n`);
  } finally {
    await neo4j.stop();
  }
}

interface ImportReportFile {
  seconds: number;
  peakRssMiB: number;
  phases?: Record<string, number>;
  files: { file: string; records: number; written: number; seconds: number; recordsPerSecond: number }[];
}

/** Adds `entries` to bench/results/summary.json (the headline figures, one key each). */
function updateSummary(entries: Record<string, number>): void {
  const file = path.join(PROJECT_ROOT, 'bench', 'results', 'summary.json');
  const summary = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, number>) : {};
  writeFileSync(file, `${JSON.stringify({ ...summary, ...entries }, null, 2)}\n`);
}

/**
 * `--bulk`: the real CLI's `import --bulk` into a fresh managed home (the benchmark graph's), with
 * each phase's time; the neo4j-admin and index phases are neo4j-admin plus the index build on
 * prepared CSV, measured in the same run.
 */
async function bulkBench(generateSeconds: number | null) {
  const reportFile = path.join(BENCH_DIR, 'import-bulk-report.json');
  const port = await freePort();
  const loadBefore = os.loadavg()[0];
  const wallSeconds = await runCli(['dist/main.js', 'import', '--bulk', archiveDir, '--report', reportFile], {
    // The managed instance, not a NEO4J_URI the shell may set.
    NEO4J_URI: '',
    NEO4J_HOME: home,
    NEO4J_BOLT_PORT: String(port),
    NEO4J_PASSWORD: PASSWORD,
    NEO4J_HEAP: BENCH_NEO4J_MEMORY.heap,
    NEO4J_PAGECACHE: BENCH_NEO4J_MEMORY.pageCache,
    LOG_LEVEL: 'info',
  });
  const report = JSON.parse(readFileSync(reportFile, 'utf8')) as ImportReportFile;
  const neo4j = await benchNeo4j(log);
  await neo4j.start();
  const driver = benchDriver(neo4j.uri);
  const counts = await graphCounts(driver).finally(() => driver.close());
  await neo4j.stop();
  const phases = report.phases ?? {};
  const round = (value: number) => Math.round(value * 10) / 10;
  const adminPlusIndexes = round((phases['neo4j-admin'] ?? 0) + (phases.indexes ?? 0));
  const transactional = JSON.parse(
    readFileSync(path.join(PROJECT_ROOT, 'bench', 'results', `import-${papers}.json`), 'utf8'),
  ) as { importWallSeconds: number; date: string };
  const result = {
    date: new Date().toISOString(),
    ...benchSetting(),
    papers,
    seed,
    generateSeconds,
    loadAverageBefore: Math.round(loadBefore * 100) / 100,
    bulkImportWallSeconds: round(wallSeconds),
    phases,
    adminPlusIndexesSeconds: adminPlusIndexes,
    bulkOverAdminPlusIndexes: Math.round((wallSeconds / adminPlusIndexes) * 100) / 100,
    transactionalImportWallSeconds: transactional.importWallSeconds,
    transactionalMeasuredAt: transactional.date,
    importerPeakRssMiB: report.peakRssMiB,
    storeMiB: Math.round(folderBytes(path.join(home, 'data', 'databases', 'neo4j')) / 2 ** 20),
    files: report.files.map(({ file, records, written, seconds }) => ({ file, records, written, seconds })),
    ...counts,
  };
  const out = path.join(PROJECT_ROOT, 'bench', 'results', `import-bulk-${papers}.json`);
  writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
  if (papers === 576261) {
    updateSummary({
      papers,
      bulkImportSeconds: result.bulkImportWallSeconds,
      transactionalImportSeconds: transactional.importWallSeconds,
      adminImportSeconds: adminPlusIndexes,
      bulkImporterPeakRssMiB: report.peakRssMiB,
    });
  }
  process.stdout.write(`${JSON.stringify(result, null, 2)}\nwritten to ${out}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
