import { ArgsType, Field, Int } from 'type-graphql';
import type { KeysetRow, KeysetSource, SortKey, SortKeyType } from '../db/keyset';
import { BadUserInputError } from '../errors';
import type { PageData } from './connection';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** The page size a list argument asks for: the default when absent, an error outside 1..100. */
export function pageSize(first: number | null | undefined, argument = 'first'): number {
  if (first === null || first === undefined) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw new BadUserInputError(
      `\`${argument}\` must be between 1 and ${MAX_PAGE_SIZE}; got ${first}. Page through longer lists with \`after\`.`,
      { argument, maximum: MAX_PAGE_SIZE },
    );
  }
  return first;
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(value: string): boolean {
  const match = CALENDAR_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const KEY_FITS: Record<SortKeyType, (key: unknown) => boolean> = {
  date: (key) => typeof key === 'string' && isCalendarDate(key),
  text: (key) => typeof key === 'string',
  integer: (key) => typeof key === 'number' && Number.isSafeInteger(key),
  score: (key) => typeof key === 'number' && Number.isFinite(key),
  ranking: (key) =>
    Array.isArray(key) &&
    key.length === 4 &&
    typeof key[0] === 'boolean' &&
    typeof key[1] === 'number' &&
    Number.isFinite(key[1]) &&
    typeof key[2] === 'string' &&
    typeof key[3] === 'string',
};

/** Where a keyset page ends: the sort key and id of its last row, under the order it was read in. */
export interface Cursor {
  order: string;
  key: SortKey | null;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.order, cursor.key, cursor.id])).toString('base64url');
}

/**
 * Reads an `after` argument given back by a client; a cursor of another order or list, or whose
 * key is not of the order's `keyType`, is refused.
 */
export function decodeCursor(after: string | null | undefined, order: string, keyType: SortKeyType): Cursor | null {
  if (after === null || after === undefined) return null;
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    decoded = null;
  }
  if (
    !Array.isArray(decoded) ||
    decoded.length !== 3 ||
    typeof decoded[0] !== 'string' ||
    typeof decoded[2] !== 'string'
  ) {
    throw new BadUserInputError('`after` is not a cursor this API gave out; pass an `endCursor` from `pageInfo`.', {
      argument: 'after',
    });
  }
  const [cursorOrder, key, id] = decoded as [string, SortKey, string];
  if (cursorOrder !== order) {
    throw new BadUserInputError(
      `\`after\` is a cursor of a list ordered by ${cursorOrder}, not ${order}; page with the order it came from.`,
      { argument: 'after' },
    );
  }
  if (!KEY_FITS[keyType](key)) {
    throw new BadUserInputError('`after` is not a cursor this API gave out; pass an `endCursor` from `pageInfo`.', {
      argument: 'after',
    });
  }
  return { order, key, id };
}

/** The argument of a list field: how many items. */
@ArgsType()
export class FirstArgs {
  @Field(() => Int, { nullable: true, description: `How many: 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` })
  first?: number | null;
}

/** The arguments of every paged list (a connection): how many, and after which cursor. */
@ArgsType()
export class PageArgs extends FirstArgs {
  @Field(() => String, { nullable: true, description: 'Read after this cursor (an `endCursor` of the same list).' })
  after?: string | null;
}

/** A page read with one row more than asked for: that row only tells whether there is a next page. */
export function toEdges<T>(rows: KeysetRow<T>[], limit: number, order: string) {
  const edges = rows.slice(0, limit).map(({ node, sortKey }) => ({
    node,
    cursor: encodeCursor({ order, key: sortKey, id: node.id } satisfies Cursor),
  }));
  return { edges, hasNextPage: rows.length > limit };
}

/**
 * The one way a paged list answers its arguments: the page size and the cursor checked (a
 * cursor of another order or list is refused), the page read, its edges and cursors. With
 * `countNow` (the client asked for `totalCount`) the count starts along with the page.
 */
export async function keysetPage<T, O extends string>(
  args: PageArgs & { orderBy?: O | null },
  defaultOrder: O,
  source: KeysetSource<T, O>,
  countNow = false,
): Promise<PageData<T>> {
  const order = args.orderBy ?? defaultOrder;
  const limit = pageSize(args.first);
  const cursor = decodeCursor(args.after, order, source.orders[order].keyType);
  const counted = countNow ? source.count() : null;
  counted?.catch(() => undefined); // awaited by totalCount; a failed page must not leave it unhandled
  const rows = await source.page(order, limit + 1, cursor && { key: cursor.key, id: cursor.id });
  return {
    ...toEdges(rows, limit, order),
    hasPreviousPage: cursor !== null,
    count: () => counted ?? source.count(),
  };
}

/** The given (non-null) values of a filter, so equal filters compose equal statements. */
export function givenValues<F extends object>(filter: F): Partial<F> {
  return Object.fromEntries(
    Object.entries(filter).filter(([, value]) => value !== null && value !== undefined),
  ) as Partial<F>;
}
