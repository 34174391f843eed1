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
  type ListInputs,
} from './keyset-list';
import type { InputRefs } from './cypher';

/**
 * A top-level list of one kind of node (tasks, datasets, methods): how to match them as `n`, the
 * Cypher of each filter condition, the sort key of each order and the projection returned.
 * Statements are composed only from these fragments, by the keyset-list engine.
 */
export interface CatalogueDefinition<F extends object, O extends string> {
  name: string;
  match: string;
  conditions: Record<keyof F, Condition>;
  /**
   * For filter keys that name one node (a task, an area), a match of the same `n` that starts
   * from that node instead of scanning every `n`: the first given one (in the order of
   * `conditions`) replaces `match` and its condition, so the planner walks out from the anchor.
   */
  anchors?: Partial<Record<keyof F, Condition>>;
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

  /** The match and the conditions of the nodes meeting the given filter keys. */
  private source(given: (keyof F)[], $: InputRefs<ListInputs>): { match: string; conditions: string[] } {
    const { match, conditions, anchors } = this.definition;
    const anchor = given.find((key) => anchors?.[key]);
    const anchored = anchor === undefined ? undefined : anchors?.[anchor];
    return {
      match: anchored ? anchored($) : match,
      conditions: given.filter((key) => key !== anchor).map((key) => conditions[key]($)),
    };
  }

  /** The first `limit` nodes meeting `filter` after `after` in `order`. */
  async page(filter: Partial<F>, order: O, limit: number, after: KeysetAfter | null): Promise<KeysetRow<T>[]> {
    const { name, conditions, orders, projection } = this.definition;
    const given = givenKeys(conditions, filter);
    const statement = pageStatement(`${name}.page`, `${order}|${given.join(',')}`, projection, ($) => {
      const source = this.source(given, $);
      return sortedPage($, source.match, 'n', source.conditions, orders[order]);
    });
    const pages = await readPages<T>(this.db, statement, {
      requests: [{ key: ROOT, scope: null, after }],
      filter,
      limit,
    });
    return pages.get(ROOT) ?? [];
  }

  /** How many nodes meet `filter`. */
  async count(filter: Partial<F>): Promise<number> {
    const { name, conditions } = this.definition;
    const given = givenKeys(conditions, filter);
    const statement = countStatement(`${name}.count`, given.join(','), ($) => {
      const source = this.source(given, $);
      return `${source.match}\n  ${whereClause('n', source.conditions)}\n  RETURN count(n) AS total`;
    });
    const counts = await readCounts(this.db, statement, { requests: [{ key: ROOT, scope: null }], filter });
    return counts.get(ROOT) ?? 0;
  }
}
