import { cypher } from '../db/cypher';
import type { Db } from '../db/gateway';
import type { Paper } from './paper.type';

const PAPERS_BY_ID = cypher(
  'paper.byIds',
  `
UNWIND $ids AS id
MATCH (p:Paper {id: id})
RETURN p { .id, .title, .abstract, .arxivId, .urlAbs, .urlPdf, .publishedAt, .proceeding } AS paper
`,
);

export class PaperRepository {
  constructor(private readonly db: Db) {}

  async byIds(ids: readonly string[]): Promise<Map<string, Paper>> {
    const rows = await this.db.read<{ paper: Paper }>(PAPERS_BY_ID, { ids });
    return new Map(rows.map(({ paper }) => [paper.id, paper]));
  }
}
