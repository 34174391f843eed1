// Abuse: can twenty heavy clients starve a polite one? Our server (production settings: the
// default budget, deadline and admission queue; TRUST_PROXY=loopback so that each load client
// has an IP of its own) over the full-size graph. Three loads of 20 clients for 30 s each: the
// heaviest legal query, 15 aliased searches with the types in a new order each time, and the
// examples mix. Beside each, a polite client from its own IP sends the examples one after
// another; its latency and errors are the result. Goal: its p99 under 500 ms, no timeout.
// Run: npm run bench:abuse [-- --seconds 30 --clients 20]
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { PROJECT_ROOT } from '../src/config';
import { EXAMPLE_NAMES } from '../test/support/examples';
import { benchSetting } from './bench-graph';
import { load, pickVariables, requestBodies, startBenchStack } from './example-load';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    clients: { type: 'string', default: '20' },
    // Server settings to try, e.g. --set NEO4J_MAX_CONCURRENT_TRANSACTIONS=4 (repeatable).
    set: { type: 'string', multiple: true, default: [] },
  },
});
const SERVER_ENV = Object.fromEntries(values.set.map((pair) => pair.split('=') as [string, string]));
const SECONDS = Number(values.seconds);
const CLIENTS = Number(values.clients);
const log = pino({ level: 'info' });

const HEAVY = JSON.stringify({
  query: `{ a: papers(first: 100) { nodes { relatedPapers(first: 95) { score } } }
            b: tasks(first: 100) { nodes { relatedPapers(first: 95) { score } } } }`,
});
const POLITE_INTERVAL_MS = 1500;
const TYPES = ['PAPER', 'AUTHOR', 'TASK', 'DATASET', 'METHOD'];

function shuffled<T>(items: readonly T[]): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index -= 1) {
    const other = Math.floor(Math.random() * (index + 1));
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}

/** 15 aliased searches, each with its types in a random order: 500 variants of one shape. */
function searchVariants(): string[] {
  return Array.from({ length: 500 }, (_, variant) =>
    JSON.stringify({
      query: `{ ${Array.from(
        { length: 15 },
        (_, alias) =>
          `s${alias}: search(query: "model ${variant % 50} ${alias}", types: [${shuffled(TYPES).join(', ')}]) { id }`,
      ).join(' ')} }`,
    }),
  );
}

async function postBody(url: string, body: string): Promise<void> {
  await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body }).then(
    (response) => response.arrayBuffer(),
  );
}

function percentile(sorted: number[], fraction: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] : NaN;
}

/**
 * The polite client: a dashboard or a person in the explorer, from its own IP, sending one request
 * every POLITE_INTERVAL_MS (40 a minute: about 27,000 cost points of the examples, within the
 * default budget of 50,000) for `seconds`; its latencies and error codes.
 */
async function politeClient(url: string, bodies: string[], seconds: number) {
  const latencies: number[] = [];
  const errors: Record<string, number> = {};
  let slowest = { ms: 0, operation: '', serverTiming: '' };
  const end = Date.now() + seconds * 1000;
  for (let index = 0; Date.now() < end; index += 1) {
    const started = performance.now();
    let codes: string[];
    try {
      const response = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '198.51.100.7' },
        body: bodies[index % bodies.length],
        signal: AbortSignal.timeout(30_000),
      });
      const answer = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
      const took = performance.now() - started;
      if (took > slowest.ms) {
        const { operationName } = JSON.parse(bodies[index % bodies.length]) as { operationName?: string };
        slowest = {
          ms: Math.round(took),
          operation: operationName ?? '',
          serverTiming: response.headers.get('server-timing') ?? '',
        };
      }
      codes = (answer.errors ?? []).map((error) => error.extensions?.code ?? 'UNKNOWN');
      if (response.status >= 400 && codes.length === 0) codes = [`HTTP_${response.status}`];
    } catch (error) {
      codes = [(error as Error).name === 'TimeoutError' ? 'CLIENT_TIMEOUT' : 'NETWORK'];
    }
    const took = performance.now() - started;
    latencies.push(took);
    for (const code of codes) errors[code] = (errors[code] ?? 0) + 1;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, POLITE_INTERVAL_MS - took)));
  }
  latencies.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    requests: latencies.length,
    p50Ms: round(percentile(latencies, 0.5)),
    p99Ms: round(percentile(latencies, 0.99)),
    maxMs: round(latencies.at(-1) ?? NaN),
    errors,
    slowest,
  };
}

/**
 * `CLIENTS` load clients, each one connection from an IP of its own (in a block of its own per
 * load, so that one load's spent budgets do not limit the next), sending `bodies` for SECONDS.
 */
async function abusers(url: string, bodies: string[], block: number) {
  const runs = await Promise.all(
    Array.from({ length: CLIENTS }, (_, client) =>
      load(url, bodies, 1, SECONDS, { 'x-forwarded-for': `10.${block}.0.${client + 1}` }, 30),
    ),
  );
  const statuses: Record<string, number> = {};
  for (const run of runs) {
    for (const [status, count] of Object.entries(run.statusCodeStats ?? {})) {
      statuses[status] = (statuses[status] ?? 0) + (count as { count: number }).count;
    }
  }
  return {
    requests: runs.reduce((sum, run) => sum + run.requests.total, 0),
    byStatus: statuses,
    timeouts: runs.reduce((sum, run) => sum + run.timeouts, 0),
  };
}

async function main() {
  spawnSync('npm', ['run', 'build', '--silent'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  const stack = await startBenchStack(log, { TRUST_PROXY: 'loopback', ...SERVER_ENV });
  try {
    const variables = await pickVariables(stack.gateway, 10);
    const perOperation = EXAMPLE_NAMES.map((name) => requestBodies(name, variables[name]));
    const examples = perOperation[0].flatMap((_, index) => perOperation.map((list) => list[index % list.length]));
    // The polite client reads ordinary pages: the examples without their hub variables (the first set
    // of tasks, datasets and authors is the largest of the graph), which take seconds even alone.
    const politeLists = EXAMPLE_NAMES.map((name) => requestBodies(name, variables[name].slice(1)));
    const politeBodies = politeLists[0].flatMap((_, index) => politeLists.map((list) => list[index % list.length]));
    log.info('warm-up: every request once');
    for (const body of [...examples, ...politeBodies]) await postBody(stack.url, body);
    log.info('the polite client alone');
    const alone = await politeClient(stack.url, politeBodies, SECONDS);
    const loads = { heavyQuery: [HEAVY], aliasedSearches: searchVariants(), examplesMix: examples };
    const results: Record<string, unknown> = { alone: { polite: alone } };
    for (const [block, [name, bodies]] of Object.entries(loads).entries()) {
      log.info({ load: name }, `${CLIENTS} clients for ${SECONDS} s, the polite client beside them`);
      const [abuse, polite] = await Promise.all([
        abusers(stack.url, bodies, block + 1),
        politeClient(stack.url, politeBodies, SECONDS),
      ]);
      results[name] = { abusers: abuse, polite };
      log.info({ load: name, polite, abusers: abuse }, 'measured');
      // Let what the load left running finish before the next one.
      await new Promise((resolve) => setTimeout(resolve, 10_000));
    }
    const file = path.join(PROJECT_ROOT, 'bench', 'results', 'abuse-576261.json');
    const result = {
      date: new Date().toISOString(),
      ...benchSetting(),
      seconds: SECONDS,
      clients: CLIENTS,
      settings: {
        defaults:
          'production: RATE_LIMIT_POINTS=50000 per 60 s, REQUEST_DEADLINE_MS=10000, 8 transactions (2 for heavy requests, 2 kept for light clients), 200 queued',
        changed: SERVER_ENV,
      },
      goal: 'polite p99 < 500 ms and no timeout',
      results,
    };
    writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
    log.info({ file }, 'written');
  } finally {
    await stack.stop();
  }
}

void main();
