// API benchmark: every query of schema/examples.graphql against the full-size graph that
// `npm run bench:import` left in .bench/neo4j-import, over HTTP with autocannon at 1 and 16
// concurrent clients (after a warm-up, for a fixed duration), with the ids of each query drawn
// from the graph (hub nodes included), and the number of Cypher statements each query sends.
// A fresh Neo4j is slow until its JIT and page cache warm up, so every example first runs for
// `--warmup` seconds before any is measured. `--only A,B` runs some of them (results not saved).
// Run: npm run bench:api [-- --duration 10 --warmup 5 --only PaperPage]
import 'reflect-metadata';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ApolloServer } from '@apollo/server';
import autocannon from 'autocannon';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import pino from 'pino';
import { PROJECT_ROOT } from '../src/config';
import { cypher } from '../src/db/cypher';
import { Neo4jGateway } from '../src/db/gateway';
import { createContext, type Context } from '../src/graphql/context';
import { buildGraphQLSchema } from '../src/graphql/schema';
import { freePort } from '../src/neo4j/ports';
import { BENCH_NEO4J_MEMORY, BENCH_PASSWORD, benchNeo4j, GRAPH_HOME } from './bench-graph';

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
const log = pino({ level: 'info' });

const EXAMPLES = readFileSync(path.join(PROJECT_ROOT, 'schema', 'examples.graphql'), 'utf8');
const ONLY = values.only?.split(',');
const operations = parse(EXAMPLES).definitions.filter(
  (definition): definition is OperationDefinitionNode =>
    definition.kind === Kind.OPERATION_DEFINITION && (!ONLY || ONLY.includes(definition.name?.value ?? '')),
);

type Variables = Record<string, unknown>;

/** One operation of the examples, as a client that sends only what it runs. */
function operationText(name: string): string {
  const operation = operations.find((candidate) => candidate.name?.value === name);
  if (!operation?.loc) throw new Error(`no operation ${name} in schema/examples.graphql`);
  return EXAMPLES.slice(operation.loc.start, operation.loc.end);
}

/** `count` items spread evenly over `items` (the same ones every run: the lists are sorted). */
function spread<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items;
  return Array.from({ length: count }, (_, index) => items[Math.floor((index * items.length) / count)]);
}

const ids = (name: string, text: string) => cypher(`bench.${name}`, text);
const PICKS = {
  papers: ids('papers', 'MATCH (p:Paper) RETURN p.id AS id ORDER BY id'),
  papersWithResults: ids(
    'papersWithResults',
    'MATCH (p:Paper) WHERE EXISTS { (p)<-[:FROM_PAPER]-() } RETURN p.id AS id ORDER BY id',
  ),
  hubTask: ids('hubTask', 'MATCH (t:Task) RETURN t.id AS id ORDER BY COUNT { (t)<-[:HAS_TASK]-() } DESC, id LIMIT 1'),
  tasks: ids('tasks', 'MATCH (t:Task) WHERE EXISTS { (t)<-[:FOR_TASK]-() } RETURN t.id AS id ORDER BY id'),
  leaderboards: ids(
    'leaderboards',
    `MATCH (t:Task)<-[:FOR_TASK]-(l:Leaderboard)-[:ON_DATASET]->(d:Dataset)
     WHERE COUNT { (t)<-[:FOR_TASK]-(:Leaderboard)-[:ON_DATASET]->(d) } = 1
     WITH l, t, d ORDER BY l.id
     RETURN l.id AS id, t.id AS task, d.id AS dataset,
            head(COLLECT { MATCH (l)-[m:MEASURES]->(x:Metric) RETURN x.name ORDER BY m.position }) AS metric`,
  ),
  hubDataset: ids(
    'hubDataset',
    'MATCH (d:Dataset) RETURN d.id AS id ORDER BY COUNT { (d)<-[:ON_DATASET]-() } DESC, id LIMIT 1',
  ),
  datasets: ids('datasets', 'MATCH (d:Dataset) WHERE EXISTS { (d)<-[:ON_DATASET]-() } RETURN d.id AS id ORDER BY id'),
  hubAuthor: ids(
    'hubAuthor',
    'MATCH (a:Author) RETURN a.id AS id ORDER BY COUNT { (a)-[:AUTHORED]->() } DESC, id LIMIT 1',
  ),
  authors: ids('authors', 'MATCH (a:Author) RETURN a.id AS id ORDER BY id'),
  areas: ids('areas', 'MATCH (a:Area) WHERE EXISTS { (a)<-[:IN_AREA]-(:Task) } RETURN a.id AS id ORDER BY id'),
};
const SEARCHES = [
  'image classification',
  'graph neural network',
  'transformer',
  'reinforcement learning',
  'semantic segmentation',
  'speech recognition',
  'diffusion model',
  'question answering',
  'adversarial robustness',
  'object detection',
];

/** The variables each example runs with: `IDS` sets, the first one a hub where the query has one. */
async function pickVariables(gateway: Neo4jGateway): Promise<Record<string, Variables[]>> {
  const column = async (query: (typeof PICKS)[keyof typeof PICKS]) =>
    (await gateway.read<{ id: string }>(query)).map((row) => row.id);
  const [hubTask] = await column(PICKS.hubTask);
  const [hubDataset] = await column(PICKS.hubDataset);
  const [hubAuthor] = await column(PICKS.hubAuthor);
  const papers = [
    ...spread(await column(PICKS.papersWithResults), IDS / 2),
    ...spread(await column(PICKS.papers), IDS / 2),
  ];
  const tasks = [hubTask, ...spread(await column(PICKS.tasks), IDS - 1)];
  const leaderboards = spread(
    await gateway.read<{ task: string; dataset: string; metric: string }>(PICKS.leaderboards),
    IDS,
  );
  const datasets = [hubDataset, ...spread(await column(PICKS.datasets), IDS - 1)];
  const authors = [hubAuthor, ...spread(await column(PICKS.authors), IDS - 1)];
  const areas = spread(await column(PICKS.areas), IDS);
  return {
    PaperPage: papers.map((id) => ({ id })),
    TaskPage: tasks.map((id) => ({ id })),
    LeaderboardPage: leaderboards.map(({ task, dataset, metric }) => ({ task, dataset, metric })),
    DatasetPage: datasets.map((id) => ({ id })),
    AuthorPage: authors.map((id) => ({ id })),
    RelatedWork: papers.map((id) => ({ id })),
    TaskRelatedWork: tasks.map((id) => ({ id })),
    PaperFeed: tasks.map((task) => ({ task, yearFrom: 2019 })),
    BrowseTasks: areas.map((area) => ({ area })),
    Search: SEARCHES.slice(0, IDS).map((query) => ({ query })),
  };
}

/** Cypher statements each variable set costs, run in-process with a per-request context as the server does. */
async function cypherCounts(gateway: Neo4jGateway, operationName: string, variables: Variables[]) {
  const apollo = new ApolloServer<Context>({ schema: await buildGraphQLSchema() });
  await apollo.start();
  const counts: number[] = [];
  for (const set of variables) {
    const contextValue = createContext(gateway, 'bench');
    const response = await apollo.executeOperation(
      { query: EXAMPLES, operationName, variables: set },
      { contextValue },
    );
    if (response.body.kind !== 'single' || response.body.singleResult.errors) {
      throw new Error(`${operationName} ${JSON.stringify(set)} failed: ${JSON.stringify(response.body)}`);
    }
    counts.push(contextValue.stats.queries);
  }
  await apollo.stop();
  return { min: Math.min(...counts), max: Math.max(...counts) };
}

function startServer(env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, ['dist/main.js', 'serve'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function waitReady(url: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    const ready = await fetch(`${url}/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the server did not become ready');
}

function load(url: string, bodies: string[], connections: number, duration: number) {
  return autocannon({
    url: `${url}/graphql`,
    connections,
    duration,
    requests: bodies.map((body) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body })),
  });
}

async function main() {
  if (!existsSync(path.join(GRAPH_HOME, 'data', 'databases', 'neo4j'))) {
    throw new Error(`${GRAPH_HOME} holds no graph: run \`npm run bench:import\` first`);
  }
  spawnSync('npm', ['run', 'build', '--silent'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  const neo4j = await benchNeo4j(log);
  await neo4j.start();
  const gateway = Neo4jGateway.connect({
    uri: neo4j.uri,
    user: 'neo4j',
    password: BENCH_PASSWORD,
    database: 'neo4j',
    queryTimeoutMs: 120_000,
    connectionTimeoutMs: 5_000,
  });
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = startServer({
    NEO4J_URI: neo4j.uri,
    NEO4J_PASSWORD: BENCH_PASSWORD,
    PORT: String(port),
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
  });
  try {
    await waitReady(url);
    const variables = await pickVariables(gateway);
    const bodiesOf = (name: string) =>
      variables[name].map((set) => JSON.stringify({ query: operationText(name), operationName: name, variables: set }));
    for (const operation of operations) await load(url, bodiesOf(operation.name?.value as string), 4, WARMUP);
    const results = [];
    for (const operation of operations) {
      const name = operation.name?.value as string;
      const sets = variables[name];
      const bodies = bodiesOf(name);
      const cypherStatements = await cypherCounts(gateway, name, sets);
      const runs: Record<string, unknown> = {};
      for (const connections of CLIENTS) {
        const run = await load(url, bodies, connections, DURATION);
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
      machine: {
        cpus: os.cpus().length,
        cpuModel: os.cpus()[0]?.model,
        memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      },
      neo4j: BENCH_NEO4J_MEMORY,
      graph: GRAPH_HOME,
      durationSeconds: DURATION,
      warmupSeconds: WARMUP,
      results,
    };
    const out = path.join(PROJECT_ROOT, 'bench', 'results', 'api-576261.json');
    if (!ONLY) writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`${table(results)}\n${ONLY ? '' : `written to ${out}\n`}`);
  } finally {
    server.kill('SIGTERM');
    await gateway.close();
    await neo4j.stop();
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
