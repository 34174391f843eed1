// Soak: a mixed load of every query of schema/examples.graphql (variables drawn from the
// full-size graph, as in bench/run.ts) at 64 concurrent clients for 10 minutes. Reports, per
// 30-second window, requests, errors, p50/p99 latency and the server's resident memory, and
// whether memory stayed flat. Run: npm run bench:soak [-- --minutes 10 --clients 64 --window 30]
import 'reflect-metadata';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pino from 'pino';
import { PROJECT_ROOT } from '../src/config';
import { benchSetting } from './bench-graph';
import { EXAMPLE_NAMES } from '../test/support/examples';
import { load, pickVariables, requestBodies, startBenchStack } from './example-load';

const { values } = parseArgs({
  options: {
    minutes: { type: 'string', default: '10' },
    clients: { type: 'string', default: '64' },
    window: { type: 'string', default: '30' },
  },
});
const MINUTES = Number(values.minutes);
const CLIENTS = Number(values.clients);
const WINDOW = Number(values.window);
const log = pino({ level: 'info' });

/** A process's resident memory in MiB, from /proc. */
function residentMiB(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return Math.round(kib / 1024);
}

async function main() {
  spawnSync('npm', ['run', 'build', '--silent'], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  const stack = await startBenchStack(log);
  try {
    const variables = await pickVariables(stack.gateway, 10);
    // Interleaved, so every client cycles through all the queries.
    const perOperation = EXAMPLE_NAMES.map((name) => requestBodies(name, variables[name]));
    const bodies = perOperation[0].flatMap((_, index) => perOperation.map((list) => list[index % list.length]));
    await load(stack.url, bodies, 8, 30);
    const windows = [];
    const started = Date.now();
    for (let elapsed = 0; elapsed < MINUTES * 60; elapsed += WINDOW) {
      const run = await load(stack.url, bodies, CLIENTS, WINDOW);
      const window = {
        secondsFromStart: Math.round((Date.now() - started) / 1000),
        requests: run.requests.total,
        requestsPerSecond: Math.round(run.requests.average),
        errors: run.errors + run.non2xx + run.timeouts,
        latencyMs: { p50: run.latency.p50, p99: run.latency.p99, max: run.latency.max },
        serverRssMiB: residentMiB(stack.serverPid),
      };
      log.info(window, 'window');
      windows.push(window);
    }
    const memory = windows.map((window) => window.serverRssMiB);
    const half = Math.floor(memory.length / 2);
    const result = {
      date: new Date().toISOString(),
      ...benchSetting(),
      minutes: MINUTES,
      clients: CLIENTS,
      windowSeconds: WINDOW,
      totals: {
        requests: windows.reduce((sum, window) => sum + window.requests, 0),
        errors: windows.reduce((sum, window) => sum + window.errors, 0),
        serverRssMiB: { first: memory[0], max: Math.max(...memory), last: memory.at(-1) },
        // Flat memory: the second half's peak within 10 % of the first half's.
        memoryFlat: Math.max(...memory.slice(half)) <= Math.max(...memory.slice(0, half)) * 1.1,
      },
      windows,
    };
    const out = path.join(PROJECT_ROOT, 'bench', 'results', 'soak-576261.json');
    writeFileSync(out, `${JSON.stringify(result, null, 2)}\n`);
    process.stdout.write(`${JSON.stringify(result.totals, null, 2)}\nwritten to ${out}\n`);
  } finally {
    await stack.stop();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
