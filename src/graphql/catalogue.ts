import { composedCypher, type Cypher } from '../db/cypher';
import type { Db } from '../db/gateway';
import type { PageData } from './connection';
import { keysetCondition, orderClause, toEdges, type KeysetRow, type SortSpec } from './keyset';
import { decodeCursor, pageSize } from './paging';

/**
 * A top-level list of one kind of node (tasks, datasets, methods): how to match them as `n`, the
 * Cypher of each filter condition (reading `$filter`), the sort key of each order and the
 * projection returned. Statements are composed only from these fragments.
 */
export interface CatalogueDefinition<F extends object, O extends string> {
  name: string;
  match: string;
  conditions: Record<keyof F, string>;
  orders: Record<O, SortSpec>;
  projection: string;
}

export interface CatalogueArgs<F, O> {
  filter?: F | null;
  orderBy?: O | null;
  first?: number | null;
  after?: string | null;
}

/** Reads keyset pages and counts of one catalogue. */
export class CatalogueRepository<T extends { id: string }, F extends object, O extends string> {
  constructor(
    private readonly db: Db,
    private readonly definition: CatalogueDefinition<F, O>,
  ) {}

  /**
   * A page of the list as a connection's data; `defaultOrder` applies when `orderBy` is absent.
   * With `countNow` (the client asked for `totalCount`) the count is read along with the page.
   */
  async page(args: CatalogueArgs<F, O>, defaultOrder: O, countNow = false): Promise<PageData<T>> {
    const order = args.orderBy ?? defaultOrder;
    const limit = pageSize(args.first);
    const cursor = decodeCursor(args.after, order, this.definition.orders[order].keyType);
    const filter = givenValues(args.filter ?? {});
    const count = async () => {
      const [row] = await this.db.readKeyed<number>(this.countStatement(filter), { filter });
      return row?.value ?? 0;
    };
    const counted = countNow ? count() : null;
    counted?.catch(() => undefined); // awaited by totalCount; a failed page must not leave it unhandled
    const rows = await this.db.readKeyed<KeysetRow<T>>(this.pageStatement(filter, order), {
      filter,
      after: cursor && { key: cursor.key, id: cursor.id },
      limit: limit + 1,
    });
    return {
      ...toEdges(
        rows.map((row) => row.value),
        limit,
        order,
      ),
      hasPreviousPage: cursor !== null,
      count: () => counted ?? count(),
    };
  }

  private conditions(filter: Partial<F>): string {
    const given = (Object.keys(this.definition.conditions) as (keyof F)[]).filter((key) => key in filter);
    return given.length ? `WITH n WHERE ${given.map((key) => this.definition.conditions[key]).join(' AND ')}` : '';
  }

  private pageStatement(filter: Partial<F>, order: O): Cypher {
    const { name, match, orders, projection } = this.definition;
    const spec = orders[order];
    return composedCypher(`${name}.page`, `${order}|${Object.keys(filter).join(',')}`, () =>
      [
        match,
        this.conditions(filter),
        `WITH n, ${spec.key} AS sortKey`,
        `WHERE ${keysetCondition(spec, 'sortKey', 'n.id', '$after')}`,
        `RETURN '' AS key, { node: ${projection}, sortKey: sortKey } AS value ${orderClause(spec, 'sortKey', 'n.id')}`,
        'LIMIT $limit',
      ].join('\n'),
    );
  }

  private countStatement(filter: Partial<F>): Cypher {
    const { name, match } = this.definition;
    return composedCypher(`${name}.count`, Object.keys(filter).join(','), () =>
      [match, this.conditions(filter), "RETURN '' AS key, count(n) AS value"].join('\n'),
    );
  }
}

/** The given (non-null) values of a filter, so equal filters compose equal statements. */
export function givenValues<F extends object>(filter: F): Partial<F> {
  return Object.fromEntries(
    Object.entries(filter).filter(([, value]) => value !== null && value !== undefined),
  ) as Partial<F>;
}
