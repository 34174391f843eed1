import { readStatement } from '../db/cypher';
import type { GraphReader } from '../db/gateway';
import { readManyPerKey, readOnePerKey } from '../db/keyed-read';
import { authorProjection } from '../db/graph-vocabulary';
import type { Author, Coauthorship } from './author.type';

const AUTHORS_BY_ID = readStatement(
  'author.byIds',
  ($) => `
UNWIND ${$.ids} AS id
MATCH (a:Author {id: id})
RETURN id AS key, ${authorProjection('a')} AS value
`,
);

const AUTHORS_OF_PAPERS = readStatement(
  'author.ofPapers',
  ($) => `
UNWIND ${$.ids} AS id
MATCH (:Paper {id: id})<-[w:AUTHORED]-(a:Author)
WITH id, a ORDER BY id, w.position
RETURN id AS key, ${authorProjection('a')} AS value
`,
);

// Co-authors ranked by papers written together, then by id so the order is stable.
const COAUTHORS = readStatement(
  'author.coauthors',
  ($) => `
UNWIND ${$.ids} AS id
CALL (id) {
  MATCH (a:Author {id: id})-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(c:Author)
  WHERE c <> a
  WITH c, count(DISTINCT p) AS papersTogether
  RETURN c, papersTogether ORDER BY papersTogether DESC, c.id
  LIMIT ${$.limit}
}
RETURN id AS key, { author: ${authorProjection('c')}, papersTogether: papersTogether } AS value
`,
);

export class AuthorRepository {
  constructor(private readonly db: GraphReader) {}

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
