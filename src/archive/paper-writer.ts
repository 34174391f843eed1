import { cypher } from '../db/cypher';
import type { Db } from '../db/gateway';
import type { PaperRow } from './paper-record';
import { TaskIds } from './task-ids';

const EXISTING_TASKS = cypher('import.existingTasks', 'MATCH (t:Task) RETURN t.name AS name, t.id AS id');

const MERGE_PAPERS = cypher(
  'import.mergePapers',
  `
UNWIND $papers AS row
MERGE (p:Paper {id: row.id})
SET p.title = row.title, p.abstract = row.abstract, p.arxivId = row.arxivId,
    p.urlAbs = row.urlAbs, p.urlPdf = row.urlPdf, p.proceeding = row.proceeding,
    p.publishedAt = CASE WHEN row.publishedAt IS NULL THEN null ELSE date(row.publishedAt) END
`,
);

// A newer dump replaces a paper's authors and tasks: links that are no longer listed go.
const DROP_STALE_LINKS = cypher(
  'import.dropStalePaperLinks',
  `
UNWIND $papers AS row
MATCH (p:Paper {id: row.id})
CALL (p, row) {
  MATCH (a:Author)-[w:AUTHORED]->(p) WHERE NOT a.id IN row.authorIds DELETE w
}
CALL (p, row) {
  MATCH (p)-[h:HAS_TASK]->(t:Task) WHERE NOT t.id IN row.taskIds DELETE h
}
`,
);

const MERGE_AUTHORSHIPS = cypher(
  'import.mergeAuthorships',
  `
UNWIND $authorships AS row
MERGE (a:Author {id: row.authorId}) ON CREATE SET a.name = row.name
WITH a, row
MATCH (p:Paper {id: row.paperId})
MERGE (a)-[w:AUTHORED]->(p)
SET w.position = row.position
`,
);

const MERGE_PAPER_TASKS = cypher(
  'import.mergePaperTasks',
  `
UNWIND $paperTasks AS row
MERGE (t:Task {id: row.taskId}) ON CREATE SET t.name = row.name
WITH t, row
MATCH (p:Paper {id: row.paperId})
MERGE (p)-[h:HAS_TASK]->(t)
SET h.position = row.position
`,
);

/** Writes batches of paper rows with their authors and tasks, each batch in one transaction. */
export class PaperWriter {
  private constructor(
    private readonly db: Db,
    private readonly taskIds: TaskIds,
  ) {}

  static async open(db: Db): Promise<PaperWriter> {
    return new PaperWriter(db, new TaskIds(await db.read<{ name: string; id: string }>(EXISTING_TASKS)));
  }

  async write(rows: PaperRow[]): Promise<void> {
    const papers = rows.map((row) => ({
      ...row,
      authorIds: row.authors.map((author) => author.authorId),
      taskIds: row.taskNames.map((name) => this.taskIds.idFor(name)),
    }));
    const authorships = rows.flatMap((row) => row.authors.map((author) => ({ ...author, paperId: row.id })));
    const paperTasks = rows.flatMap((row) =>
      row.taskNames.map((name, position) => ({ paperId: row.id, taskId: this.taskIds.idFor(name), name, position })),
    );
    await this.db.writeTransaction(async (tx) => {
      await tx.run(MERGE_PAPERS, { papers });
      await tx.run(DROP_STALE_LINKS, { papers });
      await tx.run(MERGE_AUTHORSHIPS, { authorships });
      await tx.run(MERGE_PAPER_TASKS, { paperTasks });
    });
  }
}
