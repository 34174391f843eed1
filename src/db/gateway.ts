import neo4j, {
  isDate,
  isDateTime,
  isLocalDateTime,
  Session,
  type Driver,
  type ManagedTransaction,
  type Record as Neo4jRecord,
} from 'neo4j-driver';
import type { Neo4jConnectionConfig } from '../config';
import type { Cypher, Params, ReadStatement } from './cypher';
import { DeadlineExceededError } from '../errors';
import { Admission, SYSTEM_TICKET, type Ticket } from './admission';
import { isTimeout, mapNeo4jError } from './neo4j-errors';

/**
 * Transactions one process runs at once; the rest wait in a queue here. Under heavy load, Neo4j
 * then works on a few statements at a time instead of thrashing between hundreds, and no request
 * waits for a pool connection until it times out.
 */
export const DEFAULT_MAX_CONCURRENT_TRANSACTIONS = 8;
/** Transactions a process lets wait; more are refused at once with SERVICE_UNAVAILABLE. */
export const DEFAULT_MAX_QUEUED_TRANSACTIONS = 200;
/** How long the queue must stay over half full (or under a quarter) before /ready changes its answer. */
export const DEFAULT_SATURATION_MS = 5000;

/** The first pause before a read is retried, doubled on each attempt up to the maximum. */
const RETRY_PAUSE_MS = 100;
const RETRY_PAUSE_MAX_MS = 1000;

/** What a gateway tells its observer a statement was: its name and text, and for a fused one the names of its parts. */
export interface StatementRun extends Cypher {
  readonly parts?: readonly string[];
}

/**
 * Told about every statement a gateway runs: per-request query counts, timings, metrics.
 * `waitedMs` is how long its transaction waited for admission (see Admission).
 */
export type QueryObserver = (statement: StatementRun, durationMs: number, waitedMs: number) => void;

/**
 * What the API's repositories read the graph through (retried on transient errors, routed to a
 * reader in a cluster). A request's reader sends the reads started at the same moment as one
 * statement (see FusedReads). Rows are objects of the statement's columns.
 */
export interface GraphReader {
  read<Row>(statement: ReadStatement, inputs: object): Promise<Row[]>;
}

/** What the importer, the schema set-up and the tools use: plain Cypher, reads and writes. */
export interface GraphWriter {
  /** Runs a read of plain Cypher (never fused). */
  query<Row>(query: Cypher, params?: Params): Promise<Row[]>;
  /** Runs one write statement in its own transaction. */
  write<Row>(query: Cypher, params?: Params): Promise<Row[]>;
  /** Runs several statements in one write transaction: all or nothing. */
  writeTransaction<T>(work: (tx: WriteTx) => Promise<T>): Promise<T>;
}

export interface WriteTx {
  run<Row>(query: Cypher, params?: Params): Promise<Row[]>;
}

/** What every view of one gateway shares: the driver and its pool, the settings, the admission queue. */
interface GatewayCore {
  driver: Driver;
  database: string;
  timeoutMs: number;
  retryMs: number;
  admission: Admission;
}

/** How many transactions a process runs and queues (see Admission). */
export interface AdmissionSettings {
  maxConcurrentTransactions?: number;
  maxHeavyTransactions?: number;
  /** Transactions only light clients may take (see Admission). */
  reservedTransactions?: number;
  maxQueuedTransactions?: number;
  saturationMs?: number;
}

/**
 * The one owner of the Neo4j driver: a session per unit of work, managed transactions (so
 * transient errors and leader switches retry), a timeout on every transaction, values converted
 * to plain JavaScript at the boundary and driver errors mapped to coded errors. Every transaction
 * goes through the process's fair admission queue, on behalf of the view's ticket (a request's
 * client and deadline; the system's for imports and start-up).
 */
export class Neo4jGateway implements GraphReader, GraphWriter {
  private constructor(
    private readonly core: GatewayCore,
    private readonly observer?: QueryObserver,
    private readonly ticket: Ticket = SYSTEM_TICKET,
  ) {}

  static connect(
    config: Pick<
      Neo4jConnectionConfig,
      'user' | 'password' | 'database' | 'queryTimeoutMs' | 'connectionTimeoutMs' | 'transactionRetryMs'
    > & { uri: string } & AdmissionSettings,
  ): Neo4jGateway {
    const retryMs = config.transactionRetryMs ?? config.connectionTimeoutMs;
    const driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password), {
      disableLosslessIntegers: true,
      connectionTimeout: config.connectionTimeoutMs,
      connectionAcquisitionTimeout: config.connectionTimeoutMs,
      maxTransactionRetryTime: retryMs,
      userAgent: 'pwc2-graph',
      logging: { level: 'error', logger: () => undefined },
    });
    const maxRunning = config.maxConcurrentTransactions ?? DEFAULT_MAX_CONCURRENT_TRANSACTIONS;
    const admission = new Admission({
      maxRunning,
      maxHeavyRunning: config.maxHeavyTransactions ?? Math.max(1, Math.floor(maxRunning / 4)),
      reservedForLight: config.reservedTransactions ?? Math.floor(maxRunning / 4),
      maxQueued: config.maxQueuedTransactions ?? DEFAULT_MAX_QUEUED_TRANSACTIONS,
      saturationMs: config.saturationMs ?? DEFAULT_SATURATION_MS,
    });
    return new Neo4jGateway({
      driver,
      database: config.database,
      timeoutMs: config.queryTimeoutMs,
      retryMs,
      admission,
    });
  }

  /**
   * The same gateway, reporting each statement to `observer` as well as to the observer it already
   * has (the driver, its pool and the admission queue are shared).
   */
  observed(observer: QueryObserver): Neo4jGateway {
    const outer = this.observer;
    const both: QueryObserver = outer
      ? (query, durationMs, waitedMs) => {
          outer(query, durationMs, waitedMs);
          observer(query, durationMs, waitedMs);
        }
      : observer;
    return new Neo4jGateway(this.core, both, this.ticket);
  }

  /** The same gateway working for `ticket`: a request's client and deadline. */
  onBehalfOf(ticket: Ticket): Neo4jGateway {
    return new Neo4jGateway(this.core, this.observer, ticket);
  }

  /** The admission queue's state, for /ready and /metrics. */
  get admission(): Pick<Admission, 'load' | 'saturated'> {
    return this.core.admission;
  }

  /**
   * Reads run as auto-commit transactions: one round trip, where a managed transaction takes three
   * (BEGIN, RUN, COMMIT), about 3 ms less per statement here. A read changes nothing, so on a
   * transient failure it is simply run again, within the same retry budget the driver gives
   * managed transactions (NEO4J_RETRY_MS).
   */
  read<Row>(statement: ReadStatement, inputs: object): Promise<Row[]> {
    const query = { name: statement.name, text: statement.text('$input'), parts: statement.parts };
    return this.query(query, { input: inputs });
  }

  query<Row>(query: StatementRun, params: Params = {}): Promise<Row[]> {
    return this.admitted((timeoutMs, waitedMs) =>
      this.retried(timeoutMs, () =>
        this.withSession('READ', (session) => this.runIn(session, query, params, timeoutMs, waitedMs)),
      ),
    );
  }

  write<Row>(query: Cypher, params: Params = {}): Promise<Row[]> {
    return this.admitted((timeoutMs, waitedMs) =>
      this.withSession('WRITE', (session) =>
        session.executeWrite(
          (tx) => this.runIn(tx, query, params, timeoutMs, waitedMs),
          this.txConfig(query, timeoutMs),
        ),
      ),
    );
  }

  writeTransaction<T>(work: (tx: WriteTx) => Promise<T>): Promise<T> {
    return this.admitted((timeoutMs) =>
      this.withSession('WRITE', (session) =>
        session.executeWrite(
          (tx) => work({ run: (query, params = {}) => this.runIn(tx, query, params, timeoutMs, 0) }),
          this.txConfig(undefined, timeoutMs),
        ),
      ),
    );
  }

  /** Resolves when the database answers; rejects with a SERVICE_UNAVAILABLE error otherwise. */
  async ping(): Promise<void> {
    try {
      await this.core.driver.verifyConnectivity({ database: this.core.database });
    } catch (error) {
      throw mapNeo4jError(error, this.core.timeoutMs);
    }
  }

  async close(): Promise<void> {
    await this.core.driver.close();
  }

  /**
   * Runs `work` once the admission queue lets it, with the time it may take: the transaction
   * timeout, or less when the request's deadline comes first. Driver errors become coded errors.
   */
  private admitted<T>(work: (timeoutMs: number, waitedMs: number) => Promise<T>): Promise<T> {
    const asked = performance.now();
    return this.core.admission.run(this.ticket, async (remainingMs) => {
      const timeoutMs = Math.max(1, Math.floor(Math.min(this.core.timeoutMs, remainingMs)));
      try {
        return await work(timeoutMs, performance.now() - asked);
      } catch (error) {
        if (timeoutMs < this.core.timeoutMs && isTimeout(error)) throw new DeadlineExceededError(this.ticket.limitMs);
        throw mapNeo4jError(error, this.core.timeoutMs);
      }
    });
  }

  private async withSession<T>(mode: 'READ' | 'WRITE', work: (session: Session) => Promise<T>): Promise<T> {
    const session = this.core.driver.session({
      database: this.core.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
    });
    try {
      return await work(session);
    } finally {
      await session.close();
    }
  }

  /** `work` again after a transient failure (with a growing pause) until the retry budget is spent. */
  private async retried<T>(timeoutMs: number, work: () => Promise<T>): Promise<T> {
    const deadline = Date.now() + Math.min(this.core.retryMs, timeoutMs);
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await work();
      } catch (error) {
        const pause = Math.min(RETRY_PAUSE_MAX_MS, RETRY_PAUSE_MS * 2 ** attempt);
        if (!neo4j.isRetryableError(error) || Date.now() + pause > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    }
  }

  private txConfig(query: Cypher | undefined, timeoutMs: number) {
    return { timeout: timeoutMs, metadata: { app: 'pwc2-graph', query: query?.name ?? 'transaction' } };
  }

  /** Runs one statement in a transaction, or in a session as its own auto-commit transaction. */
  private async runIn<Row>(
    runner: ManagedTransaction | Session,
    query: StatementRun,
    params: Params,
    timeoutMs: number,
    waitedMs: number,
  ): Promise<Row[]> {
    const started = performance.now();
    const result = await (runner instanceof Session
      ? runner.run(query.text, toNeo4jParams(params), this.txConfig(query, timeoutMs))
      : runner.run(query.text, toNeo4jParams(params)));
    this.observer?.(query, performance.now() - started, waitedMs);
    return result.records.map((record) => toPlainRecord(record) as Row);
  }
}

/**
 * JavaScript numbers travel as floats; whole ones are sent as Neo4j integers, so they can be used
 * where Cypher wants one (LIMIT, ranges) and compare as integers.
 */
export function toNeo4jParams(value: unknown): unknown {
  if (typeof value === 'number') return Number.isSafeInteger(value) ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map(toNeo4jParams);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, toNeo4jParams(inner)]));
}

function toPlainRecord(record: Neo4jRecord): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const key of record.keys) row[String(key)] = toPlain(record.get(key));
  return row;
}

/** Neo4j dates become `YYYY-MM-DD` strings; maps and lists are converted deeply. */
function toPlain(value: unknown): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(toPlain);
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value)) return value.toString();
  const plain: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) plain[key] = toPlain(inner);
  return plain;
}
