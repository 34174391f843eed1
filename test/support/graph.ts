import path from 'node:path';
import { findArchiveFiles } from '../../src/archive/archive-files';
import { importArchive } from '../../src/archive/import-archive';
import { loadConfig, PROJECT_ROOT, type Config } from '../../src/config';
import { cypher } from '../../src/db/cypher';
import { Neo4jGateway } from '../../src/db/gateway';
import { applySchema } from '../../src/db/schema';
import { testLogger } from './test-neo4j';

const DELETE_ALL = cypher('test.deleteAll', 'MATCH (n) DETACH DELETE n');
const COUNTS = cypher(
  'test.counts',
  `
CALL () { MATCH (n) RETURN count(n) AS nodes }
CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
RETURN nodes, relationships
`,
);

export const SEED_DIR = path.join(PROJECT_ROOT, 'seed');

/** The test run's Neo4j (see global-setup), with the schema applied. */
export async function openTestGraph(): Promise<{ config: Config; gateway: Neo4jGateway }> {
  const config = loadConfig();
  const uri = config.neo4j.uri;
  if (!uri) throw new Error('NEO4J_URI is unset: run the tests with jest, whose global setup starts Neo4j');
  const gateway = Neo4jGateway.connect({ ...config.neo4j, uri });
  await applySchema(gateway, config.schemaDir, testLogger);
  return { config, gateway };
}

/** Empties the graph (the constraints and indexes stay). */
export async function resetGraph(gateway: Neo4jGateway): Promise<void> {
  await gateway.write(DELETE_ALL);
}

/** Empties the graph and loads the bundled sample archive into it. */
export async function loadSample(gateway: Neo4jGateway): Promise<void> {
  await resetGraph(gateway);
  await importArchive(gateway, findArchiveFiles([SEED_DIR]));
}

export async function graphCounts(gateway: Neo4jGateway): Promise<{ nodes: number; relationships: number }> {
  const [counts] = await gateway.query<{ nodes: number; relationships: number }>(COUNTS);
  return counts;
}

/**
 * Opens the test graph for the test file, emptied (`'empty'`) or holding the sample archive
 * (`'sample'`), and closes it after; the returned object's `gateway` is set once `beforeAll` ran.
 */
export function useTestGraph(start: 'empty' | 'sample'): { gateway: Neo4jGateway } {
  const graph = {} as { gateway: Neo4jGateway };
  beforeAll(async () => {
    ({ gateway: graph.gateway } = await openTestGraph());
    await (start === 'sample' ? loadSample(graph.gateway) : resetGraph(graph.gateway));
  });
  afterAll(async () => {
    await graph.gateway?.close();
  });
  return graph;
}
