import { composedRead, type InputRefs, type ReadStatement } from '../db/cypher';
import type { GraphReader } from '../db/gateway';
import type { KeyedRow } from '../db/keyed-read';
import { whereClause, type ListInputs } from '../db/keyset-list';
import { FACET_OF, storedFacetsKey, type FacetKind } from '../db/paper-facets';
import { filterConditions, givenFilters, scopeMatch, type PaperScope } from '../db/paper-scopes';
import type { PaperFilter } from './paper-filter';

/** One count of a facet: a year, a framework or a task id, its name (tasks) and how many papers. */
export interface FacetRow {
  value: string;
  name: string | null;
  count: number;
}

/** The facet of one kind of the paper lists of one shape (scope kind and filter). */
export interface FacetQuery {
  scope: PaperScope;
  filter: PaperFilter;
  kind: FacetKind;
  /** How many tasks (the task facet only). */
  limit: number;
}

/** One list of a batch: its key in the answer and the id of the node it hangs off (null at the root). */
export interface FacetRequest {
  key: string;
  scope: string | null;
}

type FacetInputs = ListInputs & { requests: (FacetRequest & { stored: string })[] };

/** Stored facets (`f`, a PaperFacets node) as a facet value; `$` gives the limit and the filter. */
const STORED: Record<FacetKind, ($: InputRefs<FacetInputs>) => string> = {
  years: ($) => `[i IN range(0, size(f.yearValues) - 1)
      WHERE (${$.filter}.yearFrom IS NULL OR toInteger(f.yearValues[i]) >= ${$.filter}.yearFrom)
        AND (${$.filter}.yearTo IS NULL OR toInteger(f.yearValues[i]) <= ${$.filter}.yearTo)
      | { value: f.yearValues[i], name: null, count: f.yearCounts[i] }]`,
  frameworks: () =>
    `[i IN range(0, size(f.frameworkValues) - 1) | { value: f.frameworkValues[i], name: null, count: f.frameworkCounts[i] }]`,
  tasks: ($) =>
    `[i IN range(0, size(f.taskIds) - 1) | { value: f.taskIds[i], name: f.taskNames[i], count: f.taskCounts[i] }][..${$.limit}]`,
  withCode: () => 'f.withCode',
};

/** The filters under which a stored facet still answers: the year range narrows stored years. */
const STORED_UNDER: Record<FacetKind, (keyof PaperFilter)[]> = {
  years: ['yearFrom', 'yearTo'],
  frameworks: [],
  tasks: [],
  withCode: [],
};

/**
 * A facet of each request's list: read from the scope's stored facets where the scope is a hub
 * and the filter lets them answer, counted over the filtered list otherwise.
 */
export function facetStatement(query: FacetQuery): ReadStatement {
  const filters = givenFilters(query.filter);
  const storable = filters.every((filter) => STORED_UNDER[query.kind].includes(filter));
  const shape = `${query.scope}|${filters.join(',')}`;
  return composedRead<FacetInputs>(`paper.facets.${query.kind}.${query.scope}`, shape, ($) => {
    const counted = `CALL (req) {
    ${scopeMatch(query.scope)}
    ${whereClause('p', filterConditions($, query.filter))}
    ${FACET_OF[query.kind]($.limit)}
  }
  RETURN ${query.kind} AS facet`;
    if (!storable)
      return `UNWIND ${$.requests} AS req\nCALL (req) {\n  ${counted}\n}\nRETURN req.key AS key, facet AS value`;
    return `UNWIND ${$.requests} AS req
OPTIONAL MATCH (f:PaperFacets { key: req.stored })
CALL (req, f) {
  WITH f WHERE f IS NOT NULL
  RETURN ${STORED[query.kind]($)} AS facet
  UNION ALL
  WITH req, f WHERE f IS NULL
  ${counted}
}
RETURN req.key AS key, facet AS value`;
  });
}

export class PaperFacetsRepository {
  constructor(private readonly db: GraphReader) {}

  /** The facet `query.kind` of each request's list: counts for years, frameworks and tasks, a number for withCode. */
  async facets<V extends FacetRow[] | number>(query: FacetQuery, requests: FacetRequest[]): Promise<Map<string, V>> {
    const rows = await this.db.read<KeyedRow<V>>(facetStatement(query), {
      requests: requests.map((request) => ({ ...request, stored: storedFacetsKey(query.scope, request.scope) })),
      filter: query.filter,
      limit: query.limit,
    });
    return new Map(rows.map((row) => [row.key, row.value]));
  }
}
