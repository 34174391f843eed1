import { AppError } from '../errors';
import { cypher, type Cypher } from './cypher';
import type { Db, KeyedRow, Params, WriteTx } from './gateway';

interface Pending {
  query: Cypher;
  params: Params;
  resolve: (rows: KeyedRow<unknown>[]) => void;
  reject: (error: unknown) => void;
}

/** Distinct fused statements kept (each is one combination of statements a query shape sends together). */
const MAX_FUSED_STATEMENTS = 1000;

/**
 * The most statements fused into one: more are sent as several fused statements, so that no
 * request makes Neo4j plan one huge statement.
 */
export const MAX_FUSED_PARTS = 16;
const fusedStatements = new Map<string, Cypher>();

// Statements are constants or cached compositions, so a number per object names a combination
// without joining their texts on every request.
const statementNumbers = new WeakMap<Cypher, number>();
let nextStatementNumber = 0;

function statementNumber(query: Cypher): number {
  let number = statementNumbers.get(query);
  if (number === undefined) {
    number = nextStatementNumber++;
    statementNumbers.set(query, number);
  }
  return number;
}

const PARAMETER = /\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** `query` with its parameters renamed `$p<index>_<name>`, so several statements can share one parameter map. */
function renamed(query: Cypher, index: number): string {
  return query.text.replace(PARAMETER, (_match, name: string) => `$p${index}_${name}`);
}

/**
 * One statement that runs every part in turn and returns, per part, its rows as `[key, value]`
 * pairs in the part's own order.
 */
function fusedStatement(parts: Cypher[]): Cypher {
  const id = parts.map(statementNumber).join(',');
  let fused = fusedStatements.get(id);
  if (!fused) {
    if (fusedStatements.size >= MAX_FUSED_STATEMENTS) fusedStatements.clear();
    fused = cypher(
      `fused:${parts.map((part) => part.name).join('+')}`,
      parts
        .map(
          (part, index) =>
            `CALL () {\n${renamed(part, index)}\n}\nWITH collect([key, value]) AS rows\nRETURN ${index} AS part, rows`,
        )
        .join('\nUNION ALL\n'),
    );
    fusedStatements.set(id, fused);
  }
  return fused;
}

function canonicalOrder(a: Pending, b: Pending): number {
  if (a.query === b.query) return 0;
  return a.query.name.localeCompare(b.query.name) || a.query.text.localeCompare(b.query.text);
}

function fusedParams(pending: Pending[]): Params {
  const params: Params = {};
  pending.forEach(({ params: own }, index) => {
    for (const [name, value] of Object.entries(own)) params[`p${index}_${name}`] = value;
  });
  return params;
}

/**
 * A request's view of the database in which the keyed reads its loaders start in the same turn
 * of the event loop (the sibling fields of one level of a query: a paper's authors, tasks,
 * methods, code, datasets and results) travel as one statement in one transaction instead of
 * one each: every statement costs a session, a transaction and round trips, which on a busy
 * server outweigh the reads themselves. Other reads and all writes pass straight through.
 */
export class FusedReads implements Db {
  private pending: Pending[] = [];

  constructor(private readonly db: Db) {}

  read<Row>(query: Cypher, params?: Params): Promise<Row[]> {
    return this.db.read(query, params);
  }

  readKeyed<V>(query: Cypher, params: Params = {}): Promise<KeyedRow<V>[]> {
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => void this.flush());
      this.pending.push({ query, params, resolve: resolve as Pending['resolve'], reject });
    });
  }

  write<Row>(query: Cypher, params?: Params): Promise<Row[]> {
    return this.db.write(query, params);
  }

  writeTransaction<T>(work: (tx: WriteTx) => Promise<T>): Promise<T> {
    return this.db.writeTransaction(work);
  }

  /**
   * Sends what was started in this turn. The parts go in a canonical order (by statement name,
   * then text), so the fused text depends only on which statements a query shape sends, never on
   * the order of its fields or arguments: Neo4j plans each shape once.
   */
  private async flush(): Promise<void> {
    const batch = this.pending.sort(canonicalOrder);
    this.pending = [];
    const chunks: Pending[][] = [];
    for (let start = 0; start < batch.length; start += MAX_FUSED_PARTS) {
      chunks.push(batch.slice(start, start + MAX_FUSED_PARTS));
    }
    await Promise.all(chunks.map((chunk) => this.send(chunk)));
  }

  private async send(batch: Pending[]): Promise<void> {
    if (batch.length === 1) return this.sendAlone(batch[0]);
    try {
      const rows = await this.db.read<{ part: number; rows: [string, unknown][] }>(
        fusedStatement(batch.map((entry) => entry.query)),
        fusedParams(batch),
      );
      const byPart = new Map(rows.map((row) => [row.part, row.rows]));
      batch.forEach((entry, index) => entry.resolve((byPart.get(index) ?? []).map(([key, value]) => ({ key, value }))));
    } catch (error) {
      // The database away or out of time fails every part alike; a statement that failed (a
      // value Cypher could not read) is found by running the parts alone, so only its own fields fail.
      if (error instanceof AppError) for (const entry of batch) entry.reject(error);
      else await Promise.all(batch.map((entry) => this.sendAlone(entry)));
    }
  }

  private sendAlone(entry: Pending): Promise<void> {
    return this.db.readKeyed(entry.query, entry.params).then(entry.resolve, entry.reject);
  }
}
