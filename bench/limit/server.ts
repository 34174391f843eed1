// The limit's HTTP face: a bare node:http server that answers the benchmark's POST bodies
// ({ operationName, variables }) with the hand-written statement of that operation, run through
// neo4j-driver as one auto-commit read transaction (as our gateway sends reads), so the load generator times it exactly as it times the
// GraphQL servers. No parsing of GraphQL, no validation, no resolvers: only HTTP, JSON and Cypher.
// Run alone: NEO4J_URI=bolt://… NEO4J_PASSWORD=… PORT=4100 node -r ts-node/register/transpile-only bench/limit/server.ts
import 'reflect-metadata';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import neo4j, { isDate, isDateTime, isLocalDateTime } from 'neo4j-driver';
import { toNeo4jParams } from '../../src/db/gateway';
import { LIMIT_QUERIES } from './queries';

const driver = neo4j.driver(
  process.env.NEO4J_URI ?? 'bolt://127.0.0.1:7687',
  neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', process.env.NEO4J_PASSWORD ?? ''),
  { disableLosslessIntegers: true, logging: { level: 'error', logger: () => undefined } },
);

/** Dates leave as ISO strings, as the API's Date scalar sends them. */
function jsonValue(_key: string, value: unknown): unknown {
  return isDate(value) || isDateTime(value) || isLocalDateTime(value) ? value.toString() : value;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body, jsonValue));
}

async function answer(body: string): Promise<{ status: number; body: unknown }> {
  const { operationName, variables } = JSON.parse(body) as {
    operationName: string;
    variables?: Record<string, unknown>;
  };
  const limit = LIMIT_QUERIES[operationName];
  if (!limit) return { status: 400, body: { errors: [{ message: `no hand-written query for ${operationName}` }] } };
  const session = driver.session({ database: process.env.NEO4J_DATABASE ?? 'neo4j', defaultAccessMode: 'READ' });
  try {
    const result = await session.run(limit.query.text, toNeo4jParams(limit.params(variables ?? {})));
    const data: unknown = result.records[0]?.get('data') ?? null;
    return { status: 200, body: { data } };
  } finally {
    await session.close();
  }
}

const server = createServer((request, response) => {
  if (request.method === 'GET' && request.url === '/ready') {
    driver.verifyConnectivity().then(
      () => send(response, 200, { ready: true }),
      () => send(response, 503, { ready: false }),
    );
    return;
  }
  readBody(request)
    .then(answer)
    .then(
      ({ status, body }) => send(response, status, body),
      (error: unknown) => send(response, 500, { errors: [{ message: String(error) }] }),
    );
});

server.listen(Number(process.env.PORT ?? 4100), '127.0.0.1');
process.on('SIGTERM', () => {
  server.close();
  void driver.close();
});
