import { readStatement } from '../db/cypher';
import type { GraphReader } from '../db/gateway';
import { firstPerKey, readManyPerKey, readOnePerKey } from '../db/keyed-read';
import { methodProjection } from '../db/graph-vocabulary';
import { CatalogueRepository, type CatalogueDefinition } from '../db/catalogue';
import { MethodOrder, type MethodFilter } from './method-filter';
import type { Method, MethodCollection } from './method.type';

const COLLECTION_PROJECTION =
  'c { .id, .name, .description, area: head(COLLECT { MATCH (c)-[:IN_AREA]->(a:Area) RETURN a.name ORDER BY a.name }) }';

const METHODS_BY_ID = readStatement(
  'method.byIds',
  ($) => `
UNWIND ${$.ids} AS id
MATCH (m:Method {id: id})
RETURN id AS key, ${methodProjection('m')} AS value
`,
);

const METHODS_OF_PAPERS = readStatement(
  'method.ofPapers',
  ($) => `
UNWIND ${$.ids} AS id
MATCH (:Paper {id: id})-[:USES_METHOD]->(m:Method)
WITH id, m ORDER BY id, m.name, m.id
RETURN id AS key, ${methodProjection('m')} AS value
`,
);

const METHODS_OF_COLLECTIONS = readStatement(
  'method.ofCollections',
  ($) => `
UNWIND ${$.ids} AS id
MATCH (:MethodCollection {id: id})<-[:IN_COLLECTION]-(m:Method)
WITH id, m ORDER BY id, m.name, m.id
${firstPerKey($.limit, 'm')}
RETURN id AS key, ${methodProjection('m')} AS value
`,
);

const COLLECTIONS_OF_METHODS = readStatement(
  'method.collections',
  ($) => `
UNWIND ${$.ids} AS id
MATCH (:Method {id: id})-[:IN_COLLECTION]->(c:MethodCollection)
WITH id, c ORDER BY id, c.name, c.id
RETURN id AS key, ${COLLECTION_PROJECTION} AS value
`,
);

export class MethodRepository {
  constructor(private readonly db: GraphReader) {}

  byIds(ids: readonly string[]): Promise<Map<string, Method>> {
    return readOnePerKey(this.db, METHODS_BY_ID, ids);
  }

  ofPapers(paperIds: readonly string[]): Promise<Map<string, Method[]>> {
    return readManyPerKey(this.db, METHODS_OF_PAPERS, paperIds);
  }

  /** Each collection's first `limit` methods by name. */
  ofCollections(collectionIds: readonly string[], limit: number): Promise<Map<string, Method[]>> {
    return readManyPerKey(this.db, METHODS_OF_COLLECTIONS, collectionIds, { limit });
  }

  collectionsOf(methodIds: readonly string[]): Promise<Map<string, MethodCollection[]>> {
    return readManyPerKey(this.db, COLLECTIONS_OF_METHODS, methodIds);
  }
}

const METHOD_CATALOGUE: CatalogueDefinition<MethodFilter, MethodOrder> = {
  name: 'method',
  match: 'MATCH (n:Method)',
  conditions: {
    collection: ($) => `EXISTS { (n)-[:IN_COLLECTION]->(:MethodCollection {id: ${$.filter}.collection}) }`,
    area: ($) => `EXISTS { (n)-[:IN_COLLECTION]->(:MethodCollection)-[:IN_AREA]->(:Area {id: ${$.filter}.area}) }`,
  },
  orders: {
    [MethodOrder.PAPER_COUNT_DESC]: {
      key: 'COUNT { (n)<-[:USES_METHOD]-() }',
      direction: 'DESC',
      keyType: 'integer',
    },
    [MethodOrder.NAME_ASC]: { key: 'toLower(n.name)', direction: 'ASC', keyType: 'text' },
    [MethodOrder.INTRODUCED_DESC]: {
      key: 'coalesce(n.introducedYear, 0)',
      direction: 'DESC',
      keyType: 'integer',
    },
  },
  projection: methodProjection('n'),
};

/** The catalogue of all methods, filtered and sorted, a page at a time. */
export class MethodCatalogue extends CatalogueRepository<Method, MethodFilter, MethodOrder> {
  constructor(db: GraphReader) {
    super(db, METHOD_CATALOGUE);
  }
}
