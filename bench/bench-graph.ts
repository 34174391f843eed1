// The full-size graph the benchmarks share: imported once by `npm run bench:import` into
// .bench/neo4j-import and started again, as it is, by the query benchmarks.
import os from 'node:os';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import type { Logger } from 'pino';
import { PROJECT_ROOT } from '../src/config';
import { Neo4jGateway } from '../src/db/gateway';
import { ManagedNeo4j } from '../src/local-neo4j/managed-neo4j';
import { freePort } from '../src/local-neo4j/ports';

export const BENCH_DIR = path.join(PROJECT_ROOT, '.bench');
export const GRAPH_HOME = path.join(BENCH_DIR, 'neo4j-import');
export const BENCH_PASSWORD = 'pwc2-bench-password';
/** Sized for the 24 GiB machine: the whole store (2.3 GiB) fits in the page cache. */
export const BENCH_NEO4J_MEMORY = { heap: '4g', pageCache: '8g' } as const;

/**
 * A managed Neo4j over the benchmark graph's folder (not started): on the port of the instance
 * already running there, which start() then reuses and stop() leaves running, else a free port.
 */
export async function benchNeo4j(log: Logger): Promise<ManagedNeo4j> {
  return new ManagedNeo4j(
    {
      home: GRAPH_HOME,
      boltPort: ManagedNeo4j.runningIn(GRAPH_HOME)?.boltPort ?? (await freePort()),
      ...BENCH_NEO4J_MEMORY,
      startTimeoutMs: 180_000,
    },
    BENCH_PASSWORD,
    log,
  );
}

/** A gateway to a benchmark Neo4j (its statements may run for `queryTimeoutMs`). */
export function benchGateway(uri: string, queryTimeoutMs: number): Neo4jGateway {
  return Neo4jGateway.connect({
    uri,
    user: 'neo4j',
    password: BENCH_PASSWORD,
    database: 'neo4j',
    queryTimeoutMs,
    connectionTimeoutMs: 5_000,
  });
}

/** A bare driver to a benchmark Neo4j, for streamed reads. */
export function benchDriver(uri: string): Driver {
  return neo4j.driver(uri, neo4j.auth.basic('neo4j', BENCH_PASSWORD));
}

/** What every result file records about where it was measured. */
export function benchSetting() {
  return {
    machine: {
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    },
    neo4j: BENCH_NEO4J_MEMORY,
  };
}
