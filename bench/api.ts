// API benchmark: every query of schema/examples.graphql against the full-size graph that
// `npm run bench:import` left in .bench/neo4j-import, over HTTP with autocannon at 1 and 16
// concurrent clients (after a warm-up, for a fixed duration), with the ids of each query drawn
// from the graph (hub nodes included), and the number of Cypher statements each query sends.
// A fresh Neo4j is slow until its JIT and page cache warm up, so every example first runs for
// `--warmup` seconds before any is measured. `--only A,B` runs some of them (results not saved).
// Run: npm run bench:api [-- --duration 10 --warmup 5 --only PaperPage]
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ApolloServer } from '@apollo/server';
import pino from 'pino';
import { PROJECT_ROOT } from '../src/config';
import type { Neo4jGateway } from '../src/db/gateway';
import { createContext, type Context } from '../src/graphql/context';
import { buildGraphQLSchema } from '../src/graphql/schema';
import { benchSetting, GRAPH_HOME } from './bench-graph';
import { load, pickVariables, requestBodies, startBenchStack, type Variables } from './example-load';
import { EXAMPLE_OPERATIONS, operationText } from '../test/support/examples';

const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '5' },
    clients: { type: 'string', default: '1,16' },
    ids: { type: 'string', default: '10' },
    only: { type: 'string' },
  },
});
const DURATION = Number(values.duration);
const WARMUP = Number(values.warmup);
const CLIENTS = values.clients.split(',').map(Number);
const IDS = Number(values.ids);
const ONLY = values.only?.split(',');
const log = pino({ level: 'info' });
const operations = EXAMPLE_OPERATIONS.filter((operation) => !ONLY || ONLY.includes(operation.name?.value ?? ''));

/** Cypher statements each variable set costs, run in-process with a per-request context as the server does. */
async function cypherCounts(
  apollo: ApolloServer<Context>,
  gateway: Neo4jGateway,
  operationName: string,
  variables: Variables[],
) {
  const counts: number[] = [];
  for (const set of variables) {
    const contextValue = createContext(gateway, 'bench');
    const response = await apollo.executeOperation(
      { query: operationText(operationName), operationName, variables: set },
      { contextValue },
    );
    if (response.body.kind !== 'single' || response.body.singleResult.errors) {
      throw new Error(`${operationName} ${JSON.stringify(set)} failed: ${JSON.stringify(response.body)}`);
    }
    counts.push(contextValue.stats.queries);
  }
  return { min: Math.min(...counts), max: Math.max(...counts) };
}

async function main() {
  spawnSync('npm', ['run', 'build', '--silent'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  const stack = await startBenchStack(log);
  const apollo = new ApolloServer<Context>({ schema: await buildGraphQLSchema() });
  await apollo.start();
  try {
    const variables = await pickVariables(stack.gateway, IDS);
    const bodiesOf = (name: string) => requestBodies(name, variables[name]);
    for (const operation of operations) await load(stack.url, bodiesOf(operation.name?.value as string), 4, WARMUP);
    const results = [];
    for (const operation of operations) {
      const name = operation.name?.value as string;
      const sets = variables[name];
      const bodies = bodiesOf(name);
      const cypherStatements = await cypherCounts(apollo, stack.gateway, name, sets);
      const runs: Record<string, unknown> = {};
      for (const connections of CLIENTS) {
        const run = await load(stack.url, bodies, connections, DURATION);
        runs[`clients${connections}`] = {
          requests: run.requests.total,
          requestsPerSecond: Math.round(run.requests.average * 10) / 10,
          latencyMs: { p50: run.latency.p50, p90: run.latency.p90, p99: run.latency.p99, max: run.latency.max },
          errors: run.errors + run.non2xx + run.timeouts,
        };
      }
      const entry = { operation: name, variables: sets, cypherStatements, ...runs };
      log.info({ ...entry, variables: undefined }, 'measured');
      results.push(entry);
    }
    const result = {
      date: new Date().toISOString(),
      ...benchSetting(),
      graph: GRAPH_HOME,
      durationSeconds: DURATION,
      warmupSeconds: WARMUP,
      results,
    };
    const out = path.join(PROJECT_ROOT, 'bench', 'results', 'api-576261.json');
    if (!ONLY) writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`${table(results)}\n${ONLY ? '' : `written to ${out}\n`}`);
  } finally {
    await apollo.stop();
    await stack.stop();
  }
}

type Entry = { operation: string; cypherStatements: { min: number; max: number } } & Record<string, unknown>;

/** The Markdown table bench/README.md copies. */
function table(results: Entry[]): string {
  const cell = (run: unknown) => {
    const { latencyMs, requestsPerSecond } = run as {
      latencyMs: { p50: number; p99: number };
      requestsPerSecond: number;
    };
    return `${latencyMs.p50} | ${latencyMs.p99} | ${requestsPerSecond}`;
  };
  const header = CLIENTS.map((clients) => `${clients} client(s): p50 ms | p99 ms | req/s`).join(' | ');
  const lines = results.map(
    (entry) =>
      `| ${entry.operation} | ${entry.cypherStatements.min}–${entry.cypherStatements.max} | ${CLIENTS.map((clients) => cell(entry[`clients${clients}`])).join(' | ')} |`,
  );
  return [`| query | Cypher statements | ${header} |`, ...lines].join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
