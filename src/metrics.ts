import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { Admission } from './db/admission';
import type { StatementRun } from './db/gateway';

/**
 * Operation names are chosen by clients, so only some become label values: those of
 * schema/examples.graphql from the start, and others once they have been seen SEEN_BEFORE_LABEL
 * times, up to MAX_OPERATION_NAMES in all. A flood of one-off junk names stays under "other" and
 * cannot push a real dashboard's names out.
 */
const MAX_OPERATION_NAMES = 200;
const SEEN_BEFORE_LABEL = 20;
/** How many distinct unlabelled names are counted while they earn a label. */
const MAX_CANDIDATES = 10_000;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

/**
 * The Prometheus metrics served at /metrics: GraphQL requests and their latency by operation,
 * errors by code, each Cypher statement's time by name, and the process's own (memory, CPU,
 * event-loop lag). One registry per server, so test servers do not share counters.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly operations: Set<string>;
  private readonly candidates = new Map<string, number>();

  private readonly requests = new Counter({
    name: 'pwc2_graphql_requests_total',
    help: 'GraphQL requests by operation name and outcome (ok: no errors; error: at least one).',
    labelNames: ['operation', 'outcome'],
    registers: [this.registry],
  });

  private readonly requestSeconds = new Histogram({
    name: 'pwc2_graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL request to sending its response, by operation name.',
    labelNames: ['operation'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  private readonly errors = new Counter({
    name: 'pwc2_graphql_errors_total',
    help: 'GraphQL errors sent to clients, by extensions.code.',
    labelNames: ['code'],
    registers: [this.registry],
  });

  private readonly cypherSeconds = new Histogram({
    name: 'pwc2_neo4j_query_duration_seconds',
    help: 'Time of each Cypher statement, by statement name (see src/*/*.repository.ts).',
    labelNames: ['query'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [this.registry],
  });

  private readonly statements = new Counter({
    name: 'pwc2_neo4j_statements_total',
    help: 'Cypher statements run, by statement name, and whether they travelled fused with others (see FusedReads).',
    labelNames: ['query', 'fused'],
    registers: [this.registry],
  });

  private readonly authFailures = new Counter({
    name: 'pwc2_authentication_failures_total',
    help: 'Requests refused for their Authorization header, by reason (malformed, unknown, revoked).',
    labelNames: ['reason'],
    registers: [this.registry],
  });

  constructor(admission: Pick<Admission, 'load'>, knownOperations: readonly string[] = []) {
    this.operations = new Set(knownOperations);
    collectDefaultMetrics({ register: this.registry, prefix: 'pwc2_' });
    new Gauge({
      name: 'pwc2_neo4j_transactions',
      help: 'Neo4j transactions of this process by state: running, or queued for admission.',
      labelNames: ['state'],
      registers: [this.registry],
      collect() {
        const { running, queued } = admission.load;
        this.set({ state: 'running' }, running);
        this.set({ state: 'queued' }, queued);
      },
    });
  }

  recordRequest(operationName: string | null | undefined, seconds: number, errorCodes: string[]): void {
    const operation = this.operationLabel(operationName);
    this.requests.inc({ operation, outcome: errorCodes.length ? 'error' : 'ok' });
    this.requestSeconds.observe({ operation }, seconds);
    for (const code of errorCodes) this.errors.inc({ code });
  }

  recordAuthFailure(reason: string): void {
    this.authFailures.inc({ reason });
  }

  /**
   * A fused statement (see FusedReads) is timed under one label, `fused`, as its combinations are
   * many; each statement it carried is counted under its own name. Labels stay the statement names.
   */
  recordQuery(statement: StatementRun, milliseconds: number): void {
    this.cypherSeconds.observe({ query: statement.parts ? 'fused' : statement.name }, milliseconds / 1000);
    for (const name of statement.parts ?? [statement.name]) {
      this.statements.inc({ query: name, fused: statement.parts ? 'true' : 'false' });
    }
  }

  private operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'other';
    if (this.operations.has(name)) return name;
    if (this.operations.size >= MAX_OPERATION_NAMES) return 'other';
    const seen = (this.candidates.get(name) ?? 0) + 1;
    if (seen >= SEEN_BEFORE_LABEL) {
      this.candidates.delete(name);
      this.operations.add(name);
      return name;
    }
    if (this.candidates.size >= MAX_CANDIDATES) this.candidates.clear();
    this.candidates.set(name, seen);
    return 'other';
  }
}
