import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import neo4j from 'neo4j-driver';
import { findArchiveFiles, type ArchiveFile } from '../src/archive/archive-files';
import { BulkImportRefused, bulkImport } from '../src/archive/bulk/bulk-import';
import { importArchive, type ImportReport } from '../src/archive/import-archive';
import { loadConfig, type Config } from '../src/config';
import { cypher } from '../src/db/cypher';
import { Neo4jGateway } from '../src/db/gateway';
import { ManagedNeo4j } from '../src/local-neo4j/managed-neo4j';
import { generateArchive, GENERATED_FILES } from '../tools/generate';
import { resetGraph, SEED_DIR, useTestGraph } from './support/graph';
import { TEST_PASSWORD, testLogger, throwawayInstanceConfig } from './support/test-neo4j';

// `import --bulk` gives the graph the transactional importer gives: on a generated archive with
// later records repeating a paper and a link (which neo4j-admin cannot overwrite), loaded over a
// graph holding only the bundled sample (which the bulk import loads again after), every node
// and relationship with every property is compared, and so are the import reports.

const NODES = cypher('test.dumpNodes', 'MATCH (n) RETURN labels(n) AS labels, properties(n) AS properties');
const RELATIONSHIPS = cypher(
  'test.dumpRelationships',
  `MATCH (a)-[r]->(b)
   RETURN type(r) AS type, labels(a)[0] + ' ' + coalesce(a.id, a.url, a.name, a.key, a.hash) AS start,
          labels(b)[0] + ' ' + coalesce(b.id, b.url, b.name, b.key, b.hash) AS end, properties(r) AS properties`,
);
const COUNTS = cypher(
  'test.bulkCounts',
  `CALL () { MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS count ORDER BY label }
   WITH collect([label, count]) AS labels
   CALL () { MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS count ORDER BY type }
   RETURN labels, collect([type, count]) AS types`,
);

/** A graph value in a form Jest compares: temporal values and integers as text and numbers, maps sorted. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (neo4j.isInt(value)) return value.toNumber();
  if (neo4j.isDate(value) || neo4j.isDateTime(value)) return value.toString();
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, item]) => [key, canonical(item)]),
    );
  }
  return value;
}

/** Every node and relationship with its properties, sorted, as text lines. */
async function dump(gateway: Neo4jGateway): Promise<{ nodes: string[]; relationships: string[] }> {
  const lines = (rows: unknown[]) => rows.map((row) => JSON.stringify(canonical(row))).sort();
  return {
    nodes: lines(await gateway.query(NODES)),
    relationships: lines(await gateway.query(RELATIONSHIPS)),
  };
}

/** What a report says of each file, without its timings. */
function reported(report: ImportReport) {
  return report.files.map((file) => {
    const { file: name, kind, records, written, skipped, repaired } = file.toJSON();
    return { name, kind, records, written, skipped, repaired };
  });
}

type Json = Record<string, unknown>;

/** Rewrites a generated .json.gz file: `change` receives its records and returns the new ones. */
function rewrite(file: string, change: (records: Json[]) => Json[]): void {
  const records = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as Json[];
  writeFileSync(file, gzipSync(JSON.stringify(change(records))));
}

const graph = useTestGraph('empty');
const archiveDir = mkdtempSync(path.join(os.tmpdir(), 'pwc2-bulk-'));
let archive: ArchiveFile[];
let config: Config;
let transactional: { dump: Awaited<ReturnType<typeof dump>>; report: unknown[]; counts: unknown };
let bulk: { dump: Awaited<ReturnType<typeof dump>>; report: unknown[]; counts: unknown; phases: string[] };
let sampleDumps: { transactional: Awaited<ReturnType<typeof dump>>; bulk: Awaited<ReturnType<typeof dump>> };

function bulkConfig(instance: Awaited<ReturnType<typeof throwawayInstanceConfig>>): Config {
  return loadConfig({
    ...process.env,
    NEO4J_URI: undefined,
    NEO4J_HOME: instance.home,
    NEO4J_BOLT_PORT: String(instance.boltPort),
    NEO4J_USER: 'neo4j',
    NEO4J_PASSWORD: TEST_PASSWORD,
    NEO4J_HEAP: instance.heap,
    NEO4J_PAGECACHE: instance.pageCache,
  });
}

/** Runs `body` against the managed instance of `config`, started for it and stopped after. */
async function withManaged<T>(config: Config, body: (gateway: Neo4jGateway) => Promise<T>): Promise<T> {
  const managed = new ManagedNeo4j(config.managedNeo4j, config.neo4j.password, testLogger);
  await managed.start();
  const gateway = Neo4jGateway.connect({ ...config.neo4j, uri: managed.uri });
  try {
    return await body(gateway);
  } finally {
    await gateway.close();
    await managed.stop();
  }
}

beforeAll(async () => {
  await generateArchive({ papers: 3000, out: archiveDir, seed: 5, gzipLevel: 1 });
  // A later record of a paper (new title, authors and tasks) and of a link (another framework).
  rewrite(path.join(archiveDir, GENERATED_FILES.papers), (records) => [
    ...records,
    {
      ...records[10],
      title: 'A later record of this paper',
      authors: ['Ada Later', 'Bo Later'],
      tasks: ['Later Task'],
    },
  ]);
  rewrite(path.join(archiveDir, GENERATED_FILES.links), (records) => [
    ...records,
    { ...records[3], framework: 'jax', is_official: !records[3].is_official },
  ]);
  archive = findArchiveFiles([archiveDir]);
  const sample = findArchiveFiles([SEED_DIR]);

  // Transactional, into the shared test graph: the sample alone; then the archive and the sample again.
  await importArchive(graph.gateway, sample);
  const transactionalSample = await dump(graph.gateway);
  await resetGraph(graph.gateway);
  const reports = [await importArchive(graph.gateway, archive), await importArchive(graph.gateway, sample)];
  transactional = {
    dump: await dump(graph.gateway),
    report: reports.flatMap(reported),
    counts: (await graph.gateway.query(COUNTS))[0],
  };

  // Bulk: a throwaway instance holding only the sample (bulk-imported too), then the archive.
  config = bulkConfig(await throwawayInstanceConfig());
  await bulkImport(sample, config, { log: testLogger });
  sampleDumps = { transactional: transactionalSample, bulk: await withManaged(config, dump) };
  const report = await bulkImport(archive, config, { log: testLogger });
  bulk = {
    ...(await withManaged(config, async (gateway) => ({
      dump: await dump(gateway),
      counts: (await gateway.query(COUNTS))[0],
    }))),
    report: reported(report),
    phases: Object.keys(report.phases),
  };
}, 600_000);

afterAll(() => {
  rmSync(archiveDir, { recursive: true, force: true });
  if (config) rmSync(config.managedNeo4j.home, { recursive: true, force: true });
});

it('bulk-imports the sample into an empty instance as the transactional importer does', () => {
  expect(sampleDumps.bulk).toEqual(sampleDumps.transactional);
  expect(sampleDumps.bulk.nodes.some((line) => line.includes('"2208.12242"'))).toBe(true);
});

it('gives the same nodes and relationships per label and type', () => {
  expect(bulk.counts).toEqual(transactional.counts);
});

it('gives every node and relationship the same properties, the later records winning', () => {
  expect(bulk.dump.nodes).toEqual(transactional.dump.nodes);
  expect(bulk.dump.relationships).toEqual(transactional.dump.relationships);
  const has = (lines: string[], text: string) => lines.some((line) => line.includes(text));
  expect(has(bulk.dump.nodes, '"title":"A later record of this paper"')).toBe(true);
  expect(has(bulk.dump.nodes, '"name":"Later Task"')).toBe(true);
  expect(has(bulk.dump.relationships, '"framework":"jax"')).toBe(true);
});

it('keeps what the comparison relies on: parsed values, directions, provenance, empty lists, derived keys', () => {
  const has = (lines: string[], pattern: RegExp) => lines.some((line) => pattern.test(line));
  const { nodes, relationships } = bulk.dump;
  expect(has(relationships, /"properties":\{"raw":"[^"]+","value":-?\d.*"type":"HAS_VALUE"/)).toBe(true);
  expect(
    has(
      nodes,
      /"direction":"LOWER_IS_BETTER","directionSource":"curated".*\["Metric"\]|\["Metric"\].*"direction":"LOWER_IS_BETTER","directionSource":"curated"/,
    ),
  ).toBe(true);
  expect(has(nodes, /\["Result"\].*"archiveFile":"evaluation-tables.json.gz"/)).toBe(true);
  expect(has(relationships, /"archiveFile":"links-between-papers-and-code.json.gz".*"type":"HAS_CODE"/)).toBe(true);
  expect(has(nodes, /\["Result"\].*"codeLinks":\[\]/)).toBe(true);
  expect(has(nodes, /\["Dataset"\].*"languages":\[\]/)).toBe(true);
  expect(has(nodes, /\["Author"\].*"nameKey":"/)).toBe(true);
  expect(has(nodes, /\["Leaderboard"\].*"lastSotaAt":"\d{4}-/)).toBe(true);
});

it('loads the bundled sample again after replacing a graph that held only it', () => {
  expect(bulk.dump.nodes.some((line) => line.includes('"2208.12242"'))).toBe(true);
  expect(bulk.phases).toEqual(['check', 'csv', 'neo4j-admin', 'indexes', 'deferred', 'transactional']);
});

it('reports the same records, skips and repairs', () => {
  expect(bulk.report).toEqual(transactional.report);
});

describe('refuses, with what to do instead', () => {
  it('for a graph holding more than the bundled sample', async () => {
    await expect(bulkImport(archive, config, { log: testLogger })).rejects.toThrow(
      /holds \d+ papers beyond the bundled sample.*import without --bulk/,
    );
  });

  it('for a managed instance another process runs', async () => {
    await expect(withManaged(config, () => bulkImport(archive, config, { log: testLogger }))).rejects.toThrow(
      /is running \(pid \d+\).*stop that process/,
    );
  });

  it('for a remote Neo4j (NEO4J_URI)', async () => {
    const remote = { ...config, neo4j: { ...config.neo4j, uri: 'neo4j+s://example.databases.neo4j.io' } };
    const refusal = bulkImport(archive, remote, { log: testLogger });
    await expect(refusal).rejects.toThrow(BulkImportRefused);
    await expect(refusal).rejects.toThrow(/NEO4J_URI points at neo4j\+s:\/\/example.*without --bulk/);
  });
});
