/**
 * What a list's sort key holds: a `YYYY-MM-DD` date, a text, a whole number, a relevance score
 * (any finite number), or a leaderboard ranking `[unreadable, signed value, date or '9999', model
 * name]` (lists compare element-wise).
 */
export type SortKeyType = 'date' | 'text' | 'integer' | 'score' | 'ranking';

/** The value of a sort key, as a cursor carries it. */
export type SortKey = string | number | (boolean | number | string)[];

/**
 * One order of a keyset-paginated list: a sort-key expression over the row variable (never null:
 * absent values get a sentinel that sorts them last), its direction, and the type of its values,
 * which a cursor's key must have. The row's id breaks ties, so the order is total.
 */
export interface SortSpec {
  readonly key: string;
  readonly direction: 'ASC' | 'DESC';
  readonly keyType: SortKeyType;
}

/** Where a page read resumes: the sort key and id of the last row already read. */
export interface KeysetAfter {
  key: SortKey | null;
  id: string;
}

/**
 * The Cypher condition "after the cursor" for `spec`, reading the cursor's key and id from
 * `after` (a parameter or a map variable); true when `after` is null.
 */
export function keysetCondition(spec: SortSpec, sortKey: string, id: string, after: string): string {
  const comparison = spec.direction === 'DESC' ? '<' : '>';
  const key = spec.keyType === 'date' ? `date(${after}.key)` : `${after}.key`;
  return `(${after} IS NULL OR ${sortKey} ${comparison} ${key} OR (${sortKey} = ${key} AND ${id} > ${after}.id))`;
}

export function orderClause(spec: SortSpec, sortKey: string, id: string): string {
  return `ORDER BY ${sortKey} ${spec.direction}, ${id}`;
}

/** A row of a keyset page: the node and the value of its sort key, which its cursor carries. */
export interface KeysetRow<T> {
  node: T & { id: string };
  sortKey: SortKey;
}

/** How a paged list is read: a page in an order after a cursor, and the count of the whole list. */
export interface KeysetSource<T, O extends string> {
  orders: Record<O, SortSpec>;
  page(order: O, limit: number, after: KeysetAfter | null): Promise<KeysetRow<T>[]>;
  count(): Promise<number>;
}
