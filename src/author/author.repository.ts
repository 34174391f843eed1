import { cypher } from '../db/cypher';
import type { Db } from '../db/gateway';
import type { Author } from './author.type';

const AUTHORS_OF_PAPERS = cypher(
  'author.ofPapers',
  `
UNWIND $paperIds AS paperId
MATCH (:Paper {id: paperId})<-[w:AUTHORED]-(a:Author)
WITH paperId, a, w ORDER BY w.position
RETURN paperId, collect(a { .id, .name }) AS authors
`,
);

export class AuthorRepository {
  constructor(private readonly db: Db) {}

  /** Each paper's authors in the paper's author order. */
  async ofPapers(paperIds: readonly string[]): Promise<Map<string, Author[]>> {
    const rows = await this.db.read<{ paperId: string; authors: Author[] }>(AUTHORS_OF_PAPERS, { paperIds });
    return new Map(rows.map((row) => [row.paperId, row.authors]));
  }
}
