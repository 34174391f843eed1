// Starts a managed Neo4j described by $INSTANCE, prints "started <pid>" and waits to be killed:
// the managed-Neo4j test kills this process to check that Neo4j goes with it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ManagedNeo4j } from '../../src/local-neo4j/managed-neo4j';
import { TEST_PASSWORD, testLogger } from './test-neo4j';

const config = JSON.parse(process.env.INSTANCE ?? '{}');
const neo4j = new ManagedNeo4j(config, TEST_PASSWORD, testLogger);
void neo4j.start().then(() => {
  const { pid } = JSON.parse(readFileSync(path.join(config.home, 'run', 'pwc2-neo4j.json'), 'utf8'));
  process.stdout.write(`started ${pid}\n`);
  setInterval(() => undefined, 60_000);
});
