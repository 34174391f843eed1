import { AppError } from '../errors';
import { readStatement, type Params, type ReadStatement } from './cypher';
import type { GraphReader } from './gateway';

interface Pending {
  statement: ReadStatement;
  inputs: object;
  resolve: (rows: unknown[]) => void;
  reject: (error: unknown) => void;
}

/** Distinct fused statements kept (each is one combination of statements a query shape sends together). */
const MAX_FUSED_STATEMENTS = 1000;

/**
 * The most statements fused into one: more are sent as several fused statements, so that no
 * request makes Neo4j plan one huge statement.
 */
export const MAX_FUSED_PARTS = 16;
const fusedStatements = new Map<string, ReadStatement>();

// Statements are constants or cached compositions, so a number per object names a combination
// without joining their texts on every request.
const statementNumbers = new WeakMap<ReadStatement, number>();
let nextStatementNumber = 0;

function statementNumber(statement: ReadStatement): number {
  let number = statementNumbers.get(statement);
  if (number === undefined) {
    number = nextStatementNumber++;
    statementNumbers.set(statement, number);
  }
  return number;
}

/**
 * One statement that runs every part in turn, part `i` reading its own inputs from the map
 * `p<i>` of the fused statement's inputs, and returns, per part, its rows as lists of its columns
 * in the part's own order.
 */
function fusedStatement(parts: ReadStatement[]): ReadStatement {
  const id = parts.map(statementNumber).join(',');
  let fused = fusedStatements.get(id);
  if (!fused) {
    if (fusedStatements.size >= MAX_FUSED_STATEMENTS) fusedStatements.clear();
    fused = {
      ...readStatement<Params>(
        `fused:${parts.map((part) => part.name).join('+')}`,
        ($) =>
          parts
            .map(
              (part, index) =>
                `CALL () {\n${part.text($[`p${index}`])}\n}\nWITH collect([${part.columns.join(', ')}]) AS rows\nRETURN ${index} AS part, rows`,
            )
            .join('\nUNION ALL\n'),
        ['part', 'rows'],
      ),
      parts: parts.map((part) => part.name),
    };
    fusedStatements.set(id, fused);
  }
  return fused;
}

function canonicalOrder(a: Pending, b: Pending): number {
  if (a.statement === b.statement) return 0;
  return (
    a.statement.name.localeCompare(b.statement.name) ||
    a.statement.text('$input').localeCompare(b.statement.text('$input'))
  );
}

/** A part's rows, given back as lists of its columns, as objects again. */
function rowsOf(columns: readonly string[], lists: unknown[][]): Record<string, unknown>[] {
  return lists.map((list) => Object.fromEntries(columns.map((column, index) => [column, list[index]])));
}

/**
 * A request's reader in which the reads its loaders start in the same turn of the event loop
 * (the sibling fields of one level of a query: a paper's authors, tasks, methods, code, datasets
 * and results) travel as one statement in one transaction instead of one each: every statement
 * costs a session, a transaction and round trips, which on a busy server outweigh the reads
 * themselves.
 */
export class FusedReads implements GraphReader {
  private pending: Pending[] = [];

  constructor(private readonly reader: GraphReader) {}

  read<Row>(statement: ReadStatement, inputs: object): Promise<Row[]> {
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => void this.flush());
      this.pending.push({ statement, inputs, resolve: resolve as Pending['resolve'], reject });
    });
  }

  /**
   * Sends what was started in this turn. The parts go in a canonical order (by statement name,
   * then text), so the fused text depends only on which statements a query shape sends,
   * never on the order of its fields or arguments: Neo4j plans each shape once.
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
      const inputs = Object.fromEntries(batch.map((entry, index) => [`p${index}`, entry.inputs]));
      const rows = await this.reader.read<{ part: number; rows: unknown[][] }>(
        fusedStatement(batch.map((entry) => entry.statement)),
        inputs,
      );
      const byPart = new Map(rows.map((row) => [row.part, row.rows]));
      batch.forEach((entry, index) => entry.resolve(rowsOf(entry.statement.columns, byPart.get(index) ?? [])));
    } catch (error) {
      // The database away or out of time fails every part alike; a statement that failed (a
      // value Cypher could not read) is found by running the parts alone, so only its own fields fail.
      if (error instanceof AppError) for (const entry of batch) entry.reject(error);
      else await Promise.all(batch.map((entry) => this.sendAlone(entry)));
    }
  }

  private sendAlone(entry: Pending): Promise<void> {
    return this.reader.read(entry.statement, entry.inputs).then(entry.resolve, entry.reject);
  }
}
