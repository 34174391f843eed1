// What the query benchmarks measure and how they summarise it: one load's figures, the median of
// runs, ratios, and a quiet database between loads.
import { cypher } from '../src/db/cypher';
import type { Neo4jGateway } from '../src/db/gateway';
import type { load } from './example-load';

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
export async function settle(gateway: Neo4jGateway): Promise<void> {
  const deadline = Date.now() + SETTLE_MS;
  for (;;) {
    const [{ running }] = await gateway.read<{ running: string[] }>(RUNNING_TRANSACTIONS);
    if (running.length === 0) return;
    if (Date.now() > deadline) {
      await gateway.write(TERMINATE, { ids: running }).catch(() => undefined);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export function measurement(run: Awaited<ReturnType<typeof load>>): Measurement {
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

export function medianOf(runs: Measurement[]): Measurement {
  const of = (key: keyof Measurement) => Math.round(median(runs.map((run) => run[key])) * 10) / 10;
  return {
    requestsPerSecond: of('requestsPerSecond'),
    p50: of('p50'),
    p90: of('p90'),
    p99: of('p99'),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
  };
}

export const ratio = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 100) / 100 : null);
