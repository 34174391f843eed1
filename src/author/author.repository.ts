import { cypher } from '../db/cypher';
import type { Db } from '../db/gateway';
import { readManyPerKey, readOnePerKey } from '../db/keyed-read';
import type { Author, Coauthorship } from './author.type';

/** The properties of an author the API returns, projected from the variable `a`. */
export function authorProjection(a: string): string {
  return `${a} { .id, .name, paperCount: COUNT { (${a})-[:AUTHORED]->() } }`;
}

const AUTHORS_BY_ID = cypher(
  'author.byIds',
  `
UNWIND $ids AS id
MATCH (a:Author {id: id})
RETURN id AS key, ${authorProjection('a')} AS value
`,
);

const AUTHORS_OF_PAPERS = cypher(
  'author.ofPapers',
  `
UNWIND $ids AS id
MATCH (:Paper {id: id})<-[w:AUTHORED]-(a:Author)
WITH id, a ORDER BY id, w.position
RETURN id AS key, ${authorProjection('a')} AS value
`,
);

// Co-authors ranked by papers written together, then by id so the order is stable.
const COAUTHORS = cypher(
  'author.coauthors',
  `
UNWIND $ids AS id
CALL (id) {
  MATCH (a:Author {id: id})-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(c:Author)
  WHERE c <> a
  WITH c, count(DISTINCT p) AS papersTogether
  RETURN c, papersTogether ORDER BY papersTogether DESC, c.id
  LIMIT $limit
}
RETURN id AS key, { author: ${authorProjection('c')}, papersTogether: papersTogether } AS value
`,
);

export class AuthorRepository {
  constructor(private readonly db: Db) {}

  byIds(ids: readonly string[]): Promise<Map<string, Author>> {
    return readOnePerKey(this.db, AUTHORS_BY_ID, ids);
  }

  /** Each paper's authors in the paper's author order. */
  ofPapers(paperIds: readonly string[]): Promise<Map<string, Author[]>> {
    return readManyPerKey(this.db, AUTHORS_OF_PAPERS, paperIds);
  }

  /** Each author's `limit` most frequent co-authors. */
  coauthors(authorIds: readonly string[], limit: number): Promise<Map<string, Coauthorship[]>> {
    return readManyPerKey(this.db, COAUTHORS, authorIds, { limit });
  }
}
