import { encodeCursor, type Cursor, type SortKeyType } from './paging';

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

export interface KeysetRow<T> {
  node: T & { id: string };
  sortKey: string | number;
}

/** A page read with one row more than asked for: that row only tells whether there is a next page. */
export function toEdges<T>(rows: KeysetRow<T>[], limit: number, order: string) {
  const edges = rows.slice(0, limit).map(({ node, sortKey }) => ({
    node,
    cursor: encodeCursor({ order, key: sortKey, id: node.id } satisfies Cursor),
  }));
  return { edges, hasNextPage: rows.length > limit };
}
