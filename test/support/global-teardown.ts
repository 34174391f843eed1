import { rmSync } from 'node:fs';

/** Stops the run's throwaway Neo4j and deletes its folder, whether the tests passed or not. */
export default async function globalTeardown(): Promise<void> {
  const neo4j = globalThis.testNeo4j;
  if (!neo4j) return;
  await neo4j.stop();
  if (process.env.TEST_NEO4J_HOME) rmSync(process.env.TEST_NEO4J_HOME, { recursive: true, force: true });
}
