// `npm run bench`: our server against the limit and against a peer, side by side, on the
// full-size graph (576,261 generated papers).
//
// 1. The graph: imported once by our importer into .bench/neo4j-import (bench/import.ts) and
//    reused by every later run; the import comparison with `neo4j-admin database import`
//    (bench/admin-import.ts) runs with it. `--import` measures both again.
// 2. Three servers over that one Neo4j, each in its own process: ours (dist/main.js), the limit
//    (bench/limit: one hand-written Cypher statement per example, over bare node:http) and the
//    peer (bench/peer: the Neo4j GraphQL Library with type definitions over our labels).
// 3. Before timing: the limit's answers must equal ours for every variable set, and the peer
//    must answer every example without errors.
// 4. Every example of schema/examples.graphql, with the same ids each run (hubs included), at
//    1, 16 and 64 clients over HTTP (autocannon), after a warm-up, for a fixed duration; the
//    three servers take turns within each run, and the median of `--runs` runs is reported.
// Output: bench/results/bench-576261.json, the Markdown tables of bench/README.md, and
// bench/results/latency-576261.svg.
// `--only A,B` measures some examples, imports only a missing graph and writes
// bench/results/bench-576261-A-B.{json,md} (no chart).
// `--baseline <git ref>` builds the server of that commit too (bench/baseline.ts) and measures it
// against this checkout instead of the limit and the peer: same graph, same run, same ids; the
// result goes to bench/results/baseline-<commit>.json.
// Run: npm run bench [-- --runs 3 --duration 5 --warmup 3 --clients 1,16,64 --only PaperPage --import --baseline HEAD~1]
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ApolloServer } from '@apollo/server';
import pino from 'pino';
import { PROJECT_ROOT } from '../src/config';
import type { Neo4jGateway } from '../src/db/gateway';
import { createContext, type Context } from '../src/graphql/context';
import { buildGraphQLSchema } from '../src/graphql/schema';
import { EXAMPLE_NAMES, operationText } from '../test/support/examples';
import { baselineMarkdown, buildBaseline, compareWithBaseline } from './baseline';
import { benchSetting, GRAPH_HOME } from './bench-graph';
import { latencyChart } from './chart';
import { checkSameAnswers, measureInTurns, ratio, type Measurement } from './measure';
import {
  NO_CLIENT_LIMITS,
  pickVariables,
  requestBodies,
  startBenchGraph,
  startServerProcess,
  type RunningServer,
  type Variables,
} from './example-load';
import { checkPeerExamples } from './peer/check';
import { PEER_OPERATIONS, peerRequestBodies } from './peer/operations';
import { sameData } from './same-data';
import { freePort } from '../src/local-neo4j/ports';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    duration: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '3' },
    clients: { type: 'string', default: '1,16,64' },
    ids: { type: 'string', default: '10' },
    only: { type: 'string' },
    import: { type: 'boolean', default: false },
    baseline: { type: 'string' },
  },
});
const RUNS = Number(values.runs);
const DURATION = Number(values.duration);
const WARMUP = Number(values.warmup);
const CLIENTS = values.clients.split(',').map(Number);
const IDS = Number(values.ids);
const EXAMPLES = EXAMPLE_NAMES.filter((name) => !values.only || values.only.split(',').includes(name));
const FULL = !values.only;
/** A run of some examples keeps its figures apart from the full run's. */
const RESULT_NAME = FULL ? 'bench-576261' : `bench-576261-${EXAMPLES.join('-')}`;
const RESULTS = path.join(PROJECT_ROOT, 'bench', 'results');
const ADMIN_RESULT = path.join(RESULTS, 'import-admin-576261.json');
const log = pino({ level: 'info' });

const SERVERS = ['ours', 'limit', 'peer'] as const;
type ServerName = (typeof SERVERS)[number];
const COLOURS: Record<ServerName, string> = { ours: '#1f77b4', limit: '#7f7f7f', peer: '#ff7f0e' };

/** The examples the peer has a version of (bench/peer/examples.graphql); the others are measured against the limit only. */
const PEER_NAMES = new Set(PEER_OPERATIONS.map((operation) => operation.name?.value));

/** The relationship-heavy examples, where the throughput goal against the peer applies. */
const RELATIONSHIP_HEAVY = ['PaperPage', 'TaskPage', 'LeaderboardPage', 'DatasetPage', 'AuthorPage'];

function runScript(script: string, args: string[] = []): void {
  const child = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', script, ...args], {
    cwd: PROJECT_ROOT,
    stdio: 'inherit',
  });
  if (child.status !== 0) throw new Error(`${script} failed (exit ${child.status ?? child.signal})`);
}

/** The full-size graph, imported by our importer once (and by neo4j-admin for comparison). */
function prepareGraph(): void {
  const missing = !existsSync(path.join(GRAPH_HOME, 'data', 'databases', 'neo4j'));
  if (missing || values.import) {
    log.info({ graph: GRAPH_HOME }, 'importing the full-size graph (about 20 minutes)');
    runScript('bench/import.ts');
  }
  if (missing || values.import || (FULL && !existsSync(ADMIN_RESULT))) runScript('bench/admin-import.ts');
}

/** Cypher statements each variable set costs on our server, run in-process with a per-request context. */
async function cypherCounts(apollo: ApolloServer<Context>, gateway: Neo4jGateway, name: string, sets: Variables[]) {
  const counts: number[] = [];
  for (const variables of sets) {
    const contextValue = createContext(gateway, { requestId: 'bench' });
    const response = await apollo.executeOperation(
      { query: operationText(name), operationName: name, variables },
      { contextValue },
    );
    if (response.body.kind !== 'single' || response.body.singleResult.errors) {
      throw new Error(`${name} ${JSON.stringify(variables)} failed: ${JSON.stringify(response.body)}`);
    }
    counts.push(contextValue.stats.queries);
  }
  return { min: Math.min(...counts), max: Math.max(...counts) };
}

/** `--baseline`: this checkout against another commit's server, over the same graph. */
async function baselineMain(ref: string) {
  const baseline = buildBaseline(ref, log);
  const graph = await startBenchGraph(log);
  try {
    const variables = await pickVariables(graph.gateway, IDS);
    const bodies = Object.fromEntries(EXAMPLES.map((name) => [name, requestBodies(name, variables[name])]));
    const env = { NEO4J_URI: graph.uri, NEO4J_PASSWORD: graph.password, LOG_LEVEL: 'warn', ...NO_CLIENT_LIMITS };
    const settings = { examples: EXAMPLES, clients: CLIENTS, runs: RUNS, duration: DURATION, warmup: WARMUP };
    const rows = await compareWithBaseline(baseline, graph.gateway, { ...settings, bodies, env }, log);
    const table = baselineMarkdown(baseline.commit, rows, CLIENTS);
    process.stdout.write(`${table}\n`);
    const file = path.join(RESULTS, `baseline-${baseline.commit.slice(0, 12)}.json`);
    const result = {
      date: new Date().toISOString(),
      ...benchSetting(),
      baseline: baseline.commit,
      runs: RUNS,
      durationSeconds: DURATION,
      warmupSeconds: WARMUP,
      clients: CLIENTS,
      variables: Object.fromEntries(EXAMPLES.map((name) => [name, variables[name]])),
      examples: rows,
    };
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    log.info({ file }, 'written');
  } finally {
    await graph.stop();
  }
}

async function main() {
  spawnSync('npm', ['run', 'build', '--silent'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  prepareGraph();
  if (values.baseline) return baselineMain(values.baseline);
  const graph = await startBenchGraph(log);
  const servers = {} as Record<ServerName, RunningServer>;
  const apollo = new ApolloServer<Context>({ schema: await buildGraphQLSchema() });
  await apollo.start();
  try {
    const env = { NEO4J_URI: graph.uri, NEO4J_PASSWORD: graph.password };
    servers.ours = await startServerProcess('ours', ['dist/main.js', 'serve'], {
      ...env,
      PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      ...NO_CLIENT_LIMITS,
    });
    servers.limit = await startServerProcess(
      'limit',
      ['-r', 'ts-node/register/transpile-only', 'bench/limit/server.ts'],
      {
        ...env,
        PORT: String(await freePort()),
      },
    );
    servers.peer = await startServerProcess('peer', ['-r', 'ts-node/register/transpile-only', 'bench/peer/server.ts'], {
      ...env,
      PORT: String(await freePort()),
    });

    const variables = await pickVariables(graph.gateway, IDS);
    const bodies: Record<ServerName, Record<string, string[]>> = { ours: {}, limit: {}, peer: {} };
    for (const name of EXAMPLES) {
      bodies.ours[name] = requestBodies(name, variables[name]);
      bodies.limit[name] = bodies.ours[name];
      if (PEER_NAMES.has(name)) bodies.peer[name] = peerRequestBodies(name, variables[name]);
    }
    await checkSameAnswers(servers.ours.url, { name: 'limit', url: servers.limit.url }, bodies.ours, sameData, log);
    await checkPeerExamples(servers.peer.url, variables);

    const statements: Record<string, { min: number; max: number }> = {};
    for (const name of EXAMPLES) statements[name] = await cypherCounts(apollo, graph.gateway, name, variables[name]);

    const measured = await measureInTurns(
      {
        ours: { url: servers.ours.url, bodies: bodies.ours },
        limit: { url: servers.limit.url, bodies: bodies.limit },
        peer: { url: servers.peer.url, bodies: bodies.peer },
      },
      { examples: EXAMPLES, clients: CLIENTS, runs: RUNS, duration: DURATION, warmup: WARMUP },
      graph.gateway,
      log,
    );
    const examples = EXAMPLES.map((name) => {
      const medians = Object.fromEntries(
        Object.entries(measured[name]).map(([server, byClients]) => [
          server,
          Object.fromEntries(CLIENTS.map((clients) => [`clients${clients}`, byClients[clients]])),
        ]),
      ) as Partial<Record<ServerName, Record<string, Measurement>>>;
      const at = (server: ServerName, clients: number) => medians[server]?.[`clients${clients}`];
      return {
        example: name,
        ourCypherStatements: statements[name],
        medians,
        ratios: {
          latencyP50OursOverLimit: Object.fromEntries(
            CLIENTS.map((clients) => [`clients${clients}`, ratio(at('ours', clients)?.p50, at('limit', clients)?.p50)]),
          ),
          latencyP50OursOverPeer: Object.fromEntries(
            CLIENTS.map((clients) => [`clients${clients}`, ratio(at('ours', clients)?.p50, at('peer', clients)?.p50)]),
          ),
          throughputOursOverPeer: Object.fromEntries(
            CLIENTS.map((clients) => [
              `clients${clients}`,
              ratio(at('ours', clients)?.requestsPerSecond, at('peer', clients)?.requestsPerSecond),
            ]),
          ),
        },
      };
    });
    const result = {
      date: new Date().toISOString(),
      ...benchSetting(),
      graph: path.relative(PROJECT_ROOT, GRAPH_HOME),
      runs: RUNS,
      durationSeconds: DURATION,
      warmupSeconds: WARMUP,
      clients: CLIENTS,
      relationshipHeavy: RELATIONSHIP_HEAVY,
      variables: Object.fromEntries(EXAMPLES.map((name) => [name, variables[name]])),
      examples,
      import: existsSync(ADMIN_RESULT) ? (JSON.parse(readFileSync(ADMIN_RESULT, 'utf8')) as unknown) : null,
    };
    const tables = markdown(examples);
    process.stdout.write(`${tables}\n`);
    writeFileSync(path.join(RESULTS, `${RESULT_NAME}.json`), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(path.join(RESULTS, `${RESULT_NAME}.md`), `${tables}\n`);
    if (FULL) {
      writeFileSync(
        path.join(RESULTS, 'latency-576261.svg'),
        latencyChart(
          `Median latency at 1 client, ms (576,261 papers, ${RUNS} runs)`,
          EXAMPLES,
          SERVERS.map((server) => ({
            name:
              server === 'ours' ? 'ours' : server === 'limit' ? 'limit (hand-written Cypher)' : 'peer (@neo4j/graphql)',
            colour: COLOURS[server],
            values: Object.fromEntries(examples.map((entry) => [entry.example, entry.medians[server]?.clients1?.p50])),
          })),
        ),
      );
    }
    log.info({ results: RESULTS, name: RESULT_NAME }, 'written');
  } finally {
    await apollo.stop();
    for (const server of SERVERS) await servers[server]?.stop();
    await graph.stop();
  }
}

type ExampleResult = {
  example: string;
  ourCypherStatements: { min: number; max: number };
  medians: Partial<Record<ServerName, Record<string, Measurement>>>;
  ratios: Record<string, Record<string, number | null>>;
};

/** A figure of a table; a dash where the server was not measured (the peer lacks some examples). */
const shown = (value: number | null | undefined) => (value === undefined || value === null ? '—' : String(value));

/** The tables bench/README.md copies: latency against the limit, throughput against the peer. */
function markdown(examples: ExampleResult[]): string {
  const latency = [
    `| query | Cypher statements (ours) | ${CLIENTS.map((clients) => `${clients} client(s): p50 ours / limit / peer (ms) | ours ÷ limit`).join(' | ')} |`,
    `| --- | --- | ${CLIENTS.map(() => '--- | ---').join(' | ')} |`,
    ...examples.map((entry) => {
      const cells = CLIENTS.map((clients) => {
        const [ours, limit, peer] = SERVERS.map((server) => shown(entry.medians[server]?.[`clients${clients}`]?.p50));
        return `${ours} / ${limit} / ${peer} | ${shown(entry.ratios.latencyP50OursOverLimit[`clients${clients}`])}`;
      });
      return `| ${entry.example} | ${entry.ourCypherStatements.min}–${entry.ourCypherStatements.max} | ${cells.join(' | ')} |`;
    }),
  ];
  const throughput = [
    `| query | ${CLIENTS.map((clients) => `${clients} client(s): req/s ours / limit / peer | ours ÷ peer`).join(' | ')} | p99 ms at ${CLIENTS.at(-1)} clients: ours / limit / peer |`,
    `| --- | ${CLIENTS.map(() => '--- | ---').join(' | ')} | --- |`,
    ...examples.map((entry) => {
      const cells = CLIENTS.map((clients) => {
        const [ours, limit, peer] = SERVERS.map((server) =>
          shown(entry.medians[server]?.[`clients${clients}`]?.requestsPerSecond),
        );
        return `${ours} / ${limit} / ${peer} | ${shown(entry.ratios.throughputOursOverPeer[`clients${clients}`])}`;
      });
      const p99 = SERVERS.map((server) => shown(entry.medians[server]?.[`clients${CLIENTS.at(-1)}`]?.p99)).join(' / ');
      return `| ${entry.example}${RELATIONSHIP_HEAVY.includes(entry.example) ? ' *' : ''} | ${cells.join(' | ')} | ${p99} |`;
    }),
  ];
  return [...latency, '', ...throughput].join('\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
