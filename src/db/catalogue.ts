import type { GraphReader } from './gateway';
import type { KeysetAfter, KeysetRow, KeysetSource, SortSpec } from './keyset';
import {
  countStatement,
  givenKeys,
  pageStatement,
  readCounts,
  readPages,
  sortedPage,
  whereClause,
  type Condition,
} from './keyset-list';

/**
 * A top-level list of one kind of node (tasks, datasets, methods): how to match them as `n`, the
 * Cypher of each filter condition, the sort key of each order and the projection returned.
 * Statements are composed only from these fragments, by the keyset-list engine.
 */
export interface CatalogueDefinition<F extends object, O extends string> {
  name: string;
  match: string;
  conditions: Record<keyof F, Condition>;
  orders: Record<O, SortSpec>;
  projection: string;
}

/** The one list a catalogue statement reads (the engine reads batches of lists; a root list is one). */
const ROOT = 'root';

/** Reads keyset pages and counts of one catalogue. */
export class CatalogueRepository<T extends { id: string }, F extends object, O extends string> {
  constructor(
    private readonly db: GraphReader,
    private readonly definition: CatalogueDefinition<F, O>,
  ) {}

  /** The list of the nodes meeting `filter`, for a connection to page through. */
  list(filter: Partial<F>): KeysetSource<T, O> {
    return {
      orders: this.definition.orders,
      page: (order, limit, after) => this.page(filter, order, limit, after),
      count: () => this.count(filter),
    };
  }

  /** The first `limit` nodes meeting `filter` after `after` in `order`. */
  async page(filter: Partial<F>, order: O, limit: number, after: KeysetAfter | null): Promise<KeysetRow<T>[]> {
    const { name, match, conditions, orders, projection } = this.definition;
    const given = givenKeys(conditions, filter);
    const statement = pageStatement(`${name}.page`, `${order}|${given.join(',')}`, projection, ($) =>
      sortedPage(
        $,
        match,
        'n',
        given.map((key) => conditions[key]($)),
        orders[order],
      ),
    );
    const pages = await readPages<T>(this.db, statement, {
      requests: [{ key: ROOT, scope: null, after }],
      filter,
      limit,
    });
    return pages.get(ROOT) ?? [];
  }

  /** How many nodes meet `filter`. */
  async count(filter: Partial<F>): Promise<number> {
    const { name, match, conditions } = this.definition;
    const given = givenKeys(conditions, filter);
    const statement = countStatement(
      `${name}.count`,
      given.join(','),
      ($) =>
        `${match}\n  ${whereClause(
          'n',
          given.map((key) => conditions[key]($)),
        )}\n  RETURN count(n) AS total`,
    );
    const counts = await readCounts(this.db, statement, { requests: [{ key: ROOT, scope: null }], filter });
    return counts.get(ROOT) ?? 0;
  }
}
