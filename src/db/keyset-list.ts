import { composedRead, type InputRefs, type ReadStatement } from './cypher';
import { keysetCondition, orderClause, type KeysetAfter, type SortSpec } from './keyset';
import type { GraphReader } from './gateway';
import { groupByKey, type KeyedRow } from './keyed-read';
import type { KeysetRow } from './keyset';

/**
 * The keyset-list engine: every paged list of the API (all papers or a scope's, the catalogues of
 * tasks, datasets and methods) is read by statements composed here. A statement serves a batch
 * of lists at once, each a request with its own key, scope and cursor; its text depends only on
 * the list's shape (scope kind, order, which filters are given), never on values.
 */

/** One list of a batch: its key in the answer, the id of the node it hangs off (null at the root) and the cursor to read after. */
export interface ListRequest {
  key: string;
  scope: string | null;
  after: KeysetAfter | null;
}

/** The loader key of one list: its scope id and cursor, as JSON (DataLoader keys are strings). */
export function listKey(scope: string | null, after: KeysetAfter | null): string {
  return JSON.stringify([scope, after]);
}

/** The request a loader key stands for (see listKey). */
export function listRequestOf(key: string): ListRequest {
  const [scope, after] = JSON.parse(key) as [string | null, KeysetAfter | null];
  return { key, scope, after };
}

/** What a page statement reads: the lists, the filter all of them share, and the rows per list. */
export interface ListInputs {
  requests: ListRequest[];
  filter: object;
  limit: number;
}

/** A filter condition as Cypher, reading the filter's values through `$`. */
export type Condition = ($: InputRefs<ListInputs>) => string;

/** The names of a filter's given (non-null) values, in a fixed order, so equal filters compose equal statements. */
export function givenKeys<F extends object>(conditions: Record<keyof F, Condition>, filter: Partial<F>): (keyof F)[] {
  return (Object.keys(conditions) as (keyof F)[]).filter((key) => filter[key] !== null && filter[key] !== undefined);
}

/** `WITH row WHERE …` for the given conditions, or nothing. */
export function whereClause(row: string, conditions: string[]): string {
  return conditions.length ? `WITH ${row} WHERE ${conditions.join(' AND ')}` : '';
}

/**
 * The plan that sorts: the rows `row` that `source` binds for `req`, past the conditions and
 * after `req.after` in `spec`'s order, the first `limit`, with their sort keys.
 */
export function sortedPage(
  $: InputRefs<ListInputs>,
  source: string,
  row: string,
  conditions: string[],
  spec: SortSpec,
): string {
  return `${source}
  ${whereClause(row, conditions)}
  WITH ${row}, ${spec.key} AS sortKey
  WHERE ${keysetCondition(spec, 'sortKey', `${row}.id`, 'req.after')}
  RETURN ${row}, sortKey ${orderClause(spec, 'sortKey', `${row}.id`)}
  LIMIT ${$.limit}`;
}

/** A page statement: each request's rows as `body` reads them (binding the row variable `projection` reads, and `sortKey`). */
export function pageStatement(
  name: string,
  shape: string,
  projection: string,
  body: ($: InputRefs<ListInputs>) => string,
): ReadStatement {
  return composedRead<ListInputs>(
    name,
    shape,
    ($) => `
UNWIND ${$.requests} AS req
CALL (req) {
  ${body($)}
}
RETURN req.key AS key, { node: ${projection}, sortKey: sortKey } AS value`,
  );
}

/** A count statement: each request's size as `body` counts it (binding `total`). */
export function countStatement(name: string, shape: string, body: ($: InputRefs<ListInputs>) => string): ReadStatement {
  return composedRead<ListInputs>(
    name,
    shape,
    ($) => `UNWIND ${$.requests} AS req\nCALL (req) {\n  ${body($)}\n}\nRETURN req.key AS key, total AS value`,
  );
}

/** Reads one page per request: the rows of each list (one more than its page, to tell whether others follow). */
export async function readPages<T>(
  db: GraphReader,
  statement: ReadStatement,
  inputs: ListInputs & Record<string, unknown>,
): Promise<Map<string, KeysetRow<T>[]>> {
  return groupByKey(await db.read<KeyedRow<KeysetRow<T>>>(statement, inputs));
}

/** Reads the size of each request's list. */
export async function readCounts(
  db: GraphReader,
  statement: ReadStatement,
  inputs: Omit<ListInputs, 'limit' | 'requests'> & { requests: Omit<ListRequest, 'after'>[] } & Record<string, unknown>,
): Promise<Map<string, number>> {
  const rows = await db.read<KeyedRow<number>>(statement, inputs);
  return new Map(rows.map((row) => [row.key, row.value]));
}
