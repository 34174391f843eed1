// What the query benchmarks measure and how: answers checked alike before any timing, loads in
// turns with a quiet database between them, the median of runs, and ratios.
import { cypher } from '../src/db/cypher';
import type { Neo4jGateway } from '../src/db/gateway';
import type { Logger } from 'pino';
import { load, postGraphQL } from './example-load';

export interface Measurement {
  requestsPerSecond: number;
  p50: number;
  p90: number;
  p99: number;
  errors: number;
}

const RUNNING_TRANSACTIONS = cypher(
  'bench.runningTransactions',
  `SHOW TRANSACTIONS YIELD transactionId, currentQuery
   WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS' AND NOT currentQuery STARTS WITH 'TERMINATE'
   RETURN collect(transactionId) AS running`,
);
const TERMINATE = cypher('bench.terminate', 'TERMINATE TRANSACTIONS $ids');
const SETTLE_MS = 10_000;

/**
 * Lets Neo4j finish what outlived a load (requests of timed-out clients, requests a server still
 * had queued) for up to 10 s, then ends the rest, so that it does not slow down the next
 * measurement. The peer's hub queries, which can run for seconds each, are the usual leftovers.
 */
async function settle(gateway: Neo4jGateway): Promise<void> {
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const [{ running }] = await gateway.query<{ running: string[] }>(RUNNING_TRANSACTIONS);
    if (running.length === 0) return;
    if (Date.now() > deadline) {
      await gateway.write(TERMINATE, { ids: running }).catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

function measurement(run: Awaited<ReturnType<typeof load>>): Measurement {
  return {
    requestsPerSecond: run.requests.average,
    p50: run.latency.p50,
    p90: run.latency.p90,
    p99: run.latency.p99,
    errors: run.errors + run.non2xx + run.timeouts,
  };
}

function median(numbers: number[]): number {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function medianOf(runs: Measurement[]): Measurement {
  const of = (key: keyof Measurement) => Math.round(median(runs.map((run) => run[key])) * 10) / 10;
  return {
    requestsPerSecond: of('requestsPerSecond'),
    p50: of('p50'),
    p90: of('p90'),
    p99: of('p99'),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
  };
}

/** a ÷ b to two decimals; null when either was not measured or b is 0. */
export const ratio = (a: number | undefined, b: number | undefined) =>
  a !== undefined && b !== undefined && b > 0 ? Math.round((a / b) * 100) / 100 : null;

/** What every measurement of a benchmark shares. */
export interface TurnSettings {
  examples: string[];
  clients: number[];
  runs: number;
  /** Seconds per measurement. */
  duration: number;
  /** Seconds of warm-up per server and example, at 4 clients. */
  warmup: number;
}

/**
 * Each server's examples (its own request bodies), warmed up, then measured in turns: in each run,
 * for each example and client count, every server once after the database settles. Answers the
 * median of the runs per example, server and client count (none for a server without bodies for that example).
 */
export async function measureInTurns<Server extends string>(
  servers: Record<Server, { url: string; bodies: Record<string, string[]> }>,
  settings: TurnSettings,
  gateway: Neo4jGateway,
  log: Logger,
): Promise<Record<string, Partial<Record<Server, Record<number, Measurement>>>>> {
  // A server without bodies for an example (the peer lacks some) is not measured on it.
  const namesOf = (example: string) =>
    (Object.keys(servers) as Server[]).filter((name) => servers[name].bodies[example]);
  for (const example of settings.examples) {
    for (const name of namesOf(example)) {
      await load(servers[name].url, servers[name].bodies[example], 4, settings.warmup);
    }
  }
  const measured: Record<string, Record<string, Record<number, Measurement[]>>> = {};
  for (let run = 1; run <= settings.runs; run += 1) {
    for (const example of settings.examples) {
      const ofExample = (measured[example] ??= {});
      const names = namesOf(example);
      for (const clients of settings.clients) {
        for (const name of names) {
          await settle(gateway);
          const result = measurement(
            await load(servers[name].url, servers[name].bodies[example], clients, settings.duration),
          );
          ((ofExample[name] ??= {})[clients] ??= []).push(result);
        }
      }
      log.info({ run, example, p50: ofExample[names[0]][settings.clients[0]].at(-1)?.p50 }, 'measured');
    }
  }
  const medians = (runs: Record<number, Measurement[]>) =>
    Object.fromEntries(settings.clients.map((clients) => [clients, medianOf(runs[clients])]));
  return Object.fromEntries(
    settings.examples.map((example) => [
      example,
      Object.fromEntries(namesOf(example).map((name) => [name, medians(measured[example][name])])),
    ]),
  ) as Record<string, Partial<Record<Server, Record<number, Measurement>>>>;
}

/**
 * Fails unless `other` answers every request body of every example as `ours` does (`same`
 * compares their data), before anything is timed: a server's time means nothing otherwise.
 */
export async function checkSameAnswers(
  ours: string,
  other: { name: string; url: string },
  bodies: Record<string, string[]>,
  same: (ours: Record<string, unknown>, theirs: unknown) => boolean,
  log: Logger,
): Promise<void> {
  for (const [example, list] of Object.entries(bodies)) {
    for (const body of list) {
      const [{ answer: mine }, { answer: theirs }] = await Promise.all([
        postGraphQL(ours, body),
        postGraphQL(other.url, body),
      ]);
      if (mine.errors || !mine.data || !same(mine.data, theirs.data)) {
        throw new Error(
          `the ${other.name}'s answer to ${example} ${body} differs from ours:\nours: ${JSON.stringify(mine)}\n${other.name}: ${JSON.stringify(theirs)}`,
        );
      }
    }
  }
  log.info(`the ${other.name} returns the same data as our server for every example`);
}
