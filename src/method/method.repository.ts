import { cypher } from '../db/cypher';
import type { Db } from '../db/gateway';
import { firstPerKey, readManyPerKey, readOnePerKey } from '../db/keyed-read';
import type { Method, MethodCollection } from './method.type';

/** The properties of a method the API returns, projected from the variable `m`. */
export function methodProjection(m: string): string {
  return `${m} { .id, .name, .fullName, .description, .introducedYear, paperCount: COUNT { (${m})<-[:USES_METHOD]-() } }`;
}

const COLLECTION_PROJECTION =
  'c { .id, .name, .description, area: head(COLLECT { MATCH (c)-[:IN_AREA]->(a:Area) RETURN a.name ORDER BY a.name }) }';

const METHODS_BY_ID = cypher(
  'method.byIds',
  `
UNWIND $ids AS id
MATCH (m:Method {id: id})
RETURN id AS key, ${methodProjection('m')} AS value
`,
);

const METHODS_OF_PAPERS = cypher(
  'method.ofPapers',
  `
UNWIND $ids AS id
MATCH (:Paper {id: id})-[:USES_METHOD]->(m:Method)
WITH id, m ORDER BY id, m.name, m.id
RETURN id AS key, ${methodProjection('m')} AS value
`,
);

const METHODS_OF_COLLECTIONS = cypher(
  'method.ofCollections',
  `
UNWIND $ids AS id
MATCH (:MethodCollection {id: id})<-[:IN_COLLECTION]-(m:Method)
WITH id, m ORDER BY id, m.name, m.id
${firstPerKey('m')}
RETURN id AS key, ${methodProjection('m')} AS value
`,
);

const COLLECTIONS_OF_METHODS = cypher(
  'method.collections',
  `
UNWIND $ids AS id
MATCH (:Method {id: id})-[:IN_COLLECTION]->(c:MethodCollection)
WITH id, c ORDER BY id, c.name, c.id
RETURN id AS key, ${COLLECTION_PROJECTION} AS value
`,
);

export class MethodRepository {
  constructor(private readonly db: Db) {}

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
