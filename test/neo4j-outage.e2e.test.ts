import { loadConfig } from '../src/config';
import { Neo4jGateway } from '../src/db/gateway';
import { ManagedNeo4j } from '../src/local-neo4j/managed-neo4j';
import { TEST_PASSWORD, testLogger, throwawayInstanceConfig } from './support/test-neo4j';
import { listenHttp, type TestHttpServer } from './support/http';

// The server keeps running while its Neo4j stops and starts again: requests fail fast with a
// coded error meanwhile and succeed again once Neo4j is back, without a restart.

let neo4j: ManagedNeo4j;
let gateway: Neo4jGateway;
let server: TestHttpServer;
let baseUrl: string;

beforeAll(async () => {
  neo4j = new ManagedNeo4j(await throwawayInstanceConfig(), TEST_PASSWORD, testLogger);
  await neo4j.start();
  const config = loadConfig({ ...process.env, NEO4J_URI: neo4j.uri, NEO4J_PASSWORD: TEST_PASSWORD });
  gateway = Neo4jGateway.connect({ ...config.neo4j, uri: neo4j.uri });
  server = await listenHttp(config, gateway);
  baseUrl = server.baseUrl;
}, 240_000);

afterAll(async () => {
  await server?.close();
  await gateway?.close();
  await neo4j?.stop();
});

async function ask() {
  const started = performance.now();
  const response = await fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ areas { id } }' }),
  });
  const body = (await response.json()) as {
    data?: unknown;
    errors?: { message: string; extensions: { code: string } }[];
  };
  return { status: response.status, body, seconds: (performance.now() - started) / 1000 };
}

it('fails fast with SERVICE_UNAVAILABLE while Neo4j is down, and recovers without a restart', async () => {
  expect((await ask()).body.data).toEqual({ areas: [] });

  await neo4j.stop();
  const down = await ask();
  expect(down.seconds).toBeLessThan(5);
  expect(down.status).toBeLessThan(500);
  expect(down.body.errors?.[0].extensions.code).toBe('SERVICE_UNAVAILABLE');
  expect(down.body.errors?.[0].message).toMatch(/unavailable; try again/);
  const ready = await fetch(`${baseUrl}/ready`);
  expect(ready.status).toBe(503);
  expect(await (await fetch(`${baseUrl}/health`)).json()).toEqual({ status: 'ok', neo4j: 'down' });

  await neo4j.start();
  const back = performance.now();
  let answer = await ask();
  while (answer.body.errors && performance.now() - back < 5000) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    answer = await ask();
  }
  expect(answer.body.errors).toBeUndefined();
  expect(answer.body.data).toEqual({ areas: [] });
  expect((performance.now() - back) / 1000).toBeLessThan(5);
  expect((await fetch(`${baseUrl}/ready`)).status).toBe(200);
}, 240_000);
