import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findArchiveFiles } from '../src/archive/archive-files';
import { generateArchive } from '../tools/generate';
import { importArchive } from '../src/archive/import-archive';
import { PROJECT_ROOT } from '../src/config';
import { cypher } from '../src/db/cypher';
import { Neo4jGateway } from '../src/db/gateway';
import { applySchema } from '../src/db/schema';
import { ManagedNeo4j } from '../src/local-neo4j/managed-neo4j';
import { resetGraph, useTestGraph } from './support/graph';
import { TEST_PASSWORD, testLogger, throwawayInstanceConfig } from './support/test-neo4j';

// An import interrupted by a killed importer or a stopped Neo4j, then run again, ends with the
// same graph as an uninterrupted one.

const PAPERS = cypher('test.paperCount', 'MATCH (p:Paper) RETURN count(p) AS papers');
const LABEL_COUNTS = cypher(
  'test.labelCounts',
  `CALL () { MATCH (n) RETURN labels(n)[0] AS label, count(*) AS count ORDER BY label }
   RETURN collect([label, count]) AS labels, COUNT { ()-[]->() } AS relationships`,
);

const graph = useTestGraph('empty');
const archive = mkdtempSync(path.join(os.tmpdir(), 'pwc2-faults-'));
let clean: unknown;

beforeAll(async () => {
  await generateArchive({ papers: 3000, out: archive, seed: 11, gzipLevel: 1 });
  await importArchive(graph.gateway, findArchiveFiles([archive]));
  clean = await counts(graph.gateway);
  await resetGraph(graph.gateway);
}, 240_000);

afterAll(() => rmSync(archive, { recursive: true, force: true }));

async function counts(gateway: Neo4jGateway) {
  const [row] = await gateway.query(LABEL_COUNTS);
  return row;
}

/** Starts `import` on the archive with small batches; resolves with its exit code and its log (errors only). */
function startImport(env: Record<string, string> = {}): {
  child: ChildProcess;
  done: Promise<{ code: number | null; log: string }>;
} {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', 'src/main.ts', 'import', archive, '--batch-size', '100', '--no-progress'],
    { cwd: PROJECT_ROOT, env: { ...process.env, LOG_LEVEL: 'error', ...env } },
  );
  let log = '';
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stdout?.on('data', (chunk: Buffer) => {
    const text = chunk.toString();
    if (text.includes('"level":')) log += text;
  });
  return { child, done: new Promise((resolve) => child.on('close', (code) => resolve({ code, log }))) };
}

/** Resolves once the graph holds at least `papers` papers (the import is in the middle of the papers file). */
async function untilPapers(gateway: Neo4jGateway, papers: number): Promise<void> {
  for (let attempt = 0; attempt < 1200; attempt += 1) {
    const [row] = await gateway.query<{ papers: number }>(PAPERS);
    if (row.papers >= papers) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the import never reached ${papers} papers`);
}

it('completes, after the importer is SIGKILLed in the middle of the papers file, to the clean run’s counts', async () => {
  const first = startImport();
  await untilPapers(graph.gateway, 1000);
  first.child.kill('SIGKILL');
  expect((await first.done).code).toBeNull();
  expect(await counts(graph.gateway)).not.toEqual(clean);

  const rerun = startImport();
  expect(await rerun.done).toEqual({ code: 0, log: '' });
  expect(await counts(graph.gateway)).toEqual(clean);
}, 240_000);

it('stops with a clear message when Neo4j stops during the import, and a rerun completes it', async () => {
  const neo4j = new ManagedNeo4j(await throwawayInstanceConfig(), TEST_PASSWORD, testLogger);
  await neo4j.start();
  const gateway = Neo4jGateway.connect({
    uri: neo4j.uri,
    user: 'neo4j',
    password: TEST_PASSWORD,
    database: 'neo4j',
    queryTimeoutMs: 60_000,
    connectionTimeoutMs: 5_000,
  });
  try {
    await applySchema(gateway, path.join(PROJECT_ROOT, 'schema'), testLogger);
    const env = { NEO4J_URI: neo4j.uri, NEO4J_PASSWORD: TEST_PASSWORD, NEO4J_IMPORT_RETRY_MS: '2000' };
    const first = startImport(env);
    await untilPapers(gateway, 1000);
    await neo4j.stop();
    const stopped = await first.done;
    expect(stopped.code).toBe(1);
    expect(stopped.log).toMatch(
      /papers-with-abstracts\.json\.gz: writing to the graph failed after \d+ records: .*run the same import again to complete it/,
    );

    await neo4j.start();
    const rerun = startImport(env);
    expect((await rerun.done).code).toBe(0);
    expect(await counts(gateway)).toEqual(clean);
  } finally {
    await gateway.close();
    await neo4j.stop();
  }
}, 300_000);
