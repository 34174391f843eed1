import { ManagedNeo4j } from '../../src/local-neo4j/managed-neo4j';
import { TEST_PASSWORD, testLogger, throwawayInstanceConfig } from './test-neo4j';

declare global {
  var testNeo4j: ManagedNeo4j | undefined;
}

/**
 * Starts a throwaway Neo4j (temporary folder, free port) for the whole run, unless NEO4J_TEST_URI
 * points at one. Test files find it through NEO4J_URI / NEO4J_PASSWORD, like the server does.
 */
export default async function globalSetup(): Promise<void> {
  process.env.NODE_ENV = 'test';
  if (process.env.NEO4J_TEST_URI) {
    process.env.NEO4J_URI = process.env.NEO4J_TEST_URI;
    process.env.NEO4J_USER = process.env.NEO4J_TEST_USER ?? 'neo4j';
    process.env.NEO4J_PASSWORD = process.env.NEO4J_TEST_PASSWORD ?? '';
    return;
  }
  const config = await throwawayInstanceConfig();
  const neo4j = new ManagedNeo4j(config, TEST_PASSWORD, testLogger);
  await neo4j.start();
  globalThis.testNeo4j = neo4j;
  process.env.NEO4J_URI = neo4j.uri;
  process.env.NEO4J_USER = 'neo4j';
  process.env.NEO4J_PASSWORD = TEST_PASSWORD;
  // For the tests of the managed instance itself: where the run's instance lives.
  process.env.TEST_NEO4J_HOME = config.home;
  process.env.TEST_NEO4J_BOLT_PORT = String(config.boltPort);
}
