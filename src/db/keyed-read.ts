import type { Cypher } from './cypher';
import type { Db, Params } from './gateway';

/**
 * Batched reads for loaders: the statement unwinds `$ids` (ids, or maps with a `key`) and returns `key` (the id it was
 * reached from) and `value`. `readOnePerKey` keeps one value per key; `readManyPerKey` keeps
 * every value of a key, in the statement's row order.
 */
export async function readOnePerKey<V>(db: Db, query: Cypher, ids: readonly unknown[], params: Params = {}) {
  const rows = await db.readKeyed<V>(query, { ...params, ids });
  return new Map(rows.map((row) => [row.key, row.value]));
}

export async function readManyPerKey<V>(db: Db, query: Cypher, ids: readonly unknown[], params: Params = {}) {
  return groupByKey(await db.readKeyed<V>(query, { ...params, ids }));
}

/** Rows of `key` and `value` grouped by key, in row order. */
export function groupByKey<V>(rows: { key: string; value: V }[]): Map<string, V[]> {
  const groups = new Map<string, V[]>();
  for (const { key, value } of rows) {
    const group = groups.get(key);
    if (group) group.push(value);
    else groups.set(key, [value]);
  }
  return groups;
}

/** Cypher that keeps the first `$limit` rows of each `id` (rows already in order) as `variable`. */
export function firstPerKey(variable: string): string {
  return `WITH id, collect(${variable})[..$limit] AS firstRows\nUNWIND firstRows AS ${variable}`;
}
