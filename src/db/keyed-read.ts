import type { Params, ReadStatement } from './cypher';
import type { GraphReader } from './gateway';

/** A row of a keyed read: the id (or request key) it was reached from, and what was found. */
export interface KeyedRow<V> {
  key: string;
  value: V;
}

/**
 * Batched reads for loaders: the statement unwinds its input `ids` (ids, or maps with a `key`)
 * and returns `key` (the id it was reached from) and `value`. `readOnePerKey` keeps one value per
 * key; `readManyPerKey` keeps every value of a key, in the statement's row order.
 */
export async function readOnePerKey<V>(
  db: GraphReader,
  statement: ReadStatement,
  ids: readonly unknown[],
  inputs: Params = {},
) {
  const rows = await db.read<KeyedRow<V>>(statement, { ...inputs, ids });
  return new Map(rows.map((row) => [row.key, row.value]));
}

export async function readManyPerKey<V>(
  db: GraphReader,
  statement: ReadStatement,
  ids: readonly unknown[],
  inputs: Params = {},
) {
  return groupByKey(await db.read<KeyedRow<V>>(statement, { ...inputs, ids }));
}

/** Rows of `key` and `value` grouped by key, in row order. */
export function groupByKey<V>(rows: KeyedRow<V>[]): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const { key, value } of rows) {
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}

/** Cypher that keeps the first `limit` rows (an input's expression) of each `id`, rows already in order, as `variable`. */
export function firstPerKey(limit: string, variable: string): string {
  return `WITH id, collect(${variable})[..${limit}] AS firstRows\nUNWIND firstRows AS ${variable}`;
}
