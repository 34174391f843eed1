import { cypher } from '../db/cypher';
import type { Db } from '../db/gateway';
import { NameIndex } from './name-index';
import type { PaperRow } from './paper-record';
import type { FileReport } from './report';
import { slugify } from './slug';
import { TaskIds } from './task-ids';

const EXISTING_TASKS = cypher('import.existingTasks', 'MATCH (t:Task) RETURN t.name AS name, t.id AS id ORDER BY t.id');
const EXISTING_METHODS = cypher(
  'import.existingMethods',
  'MATCH (m:Method) RETURN m.id AS id, [m.name, m.fullName] AS names ORDER BY m.id',
);

const MERGE_PAPERS = cypher(
  'import.mergePapers',
  `
UNWIND $papers AS row
MERGE (p:Paper {id: row.id})
SET p.title = row.title, p.titleKey = row.titleKey, p.abstract = row.abstract, p.arxivId = row.arxivId,
    p.urlAbs = row.urlAbs, p.urlKey = row.urlKey, p.urlPdf = row.urlPdf, p.proceeding = row.proceeding,
    p.conference = row.conference,
    p.publishedAt = CASE WHEN row.publishedAt IS NULL THEN null ELSE date(row.publishedAt) END
`,
);

// A newer dump replaces a paper's authors, tasks and methods: links that are no longer listed go.
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
CALL (p, row) {
  MATCH (p)-[u:USES_METHOD]->(m:Method) WHERE NOT m.id IN row.methodIds DELETE u
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

const MERGE_PAPER_METHODS = cypher(
  'import.mergePaperMethods',
  `
UNWIND $paperMethods AS row
MERGE (m:Method {id: row.methodId})
  ON CREATE SET m.name = row.name, m.fullName = row.fullName, m.description = row.description
WITH m, row
MATCH (p:Paper {id: row.paperId})
MERGE (p)-[:USES_METHOD]->(m)
`,
);

/** Writes batches of paper rows with their authors, tasks and methods, each batch in one transaction. */
export class PaperWriter {
  private constructor(
    private readonly db: Db,
    private readonly taskIds: TaskIds,
    private readonly methodIds: NameIndex,
    private readonly report: FileReport,
  ) {}

  static async open(db: Db, report: FileReport): Promise<PaperWriter> {
    const [tasks, methods] = await Promise.all([
      db.read<{ name: string; id: string }>(EXISTING_TASKS),
      db.read<{ id: string; names: (string | null)[] }>(EXISTING_METHODS),
    ]);
    return new PaperWriter(db, new TaskIds(tasks), new NameIndex(methods), report);
  }

  private methodId(paperId: string, name: string): string {
    const known = this.methodIds.find(name);
    if (known) return known;
    const id = slugify(name);
    this.methodIds.add(id, [name]);
    this.report.repair('method not in methods.json: created from the paper’s embedded copy', `${name} (${paperId})`);
    return id;
  }

  async write(rows: PaperRow[]): Promise<void> {
    const paperMethods = rows.flatMap((row) =>
      row.methods.map((method) => ({ ...method, paperId: row.id, methodId: this.methodId(row.id, method.name) })),
    );
    const papers = rows.map(({ authors, taskNames, methods: _methods, ...paper }) => ({
      ...paper,
      authorIds: authors.map((author) => author.authorId),
      taskIds: taskNames.map((name) => this.taskIds.idFor(name)),
      methodIds: paperMethods.filter((method) => method.paperId === paper.id).map((method) => method.methodId),
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
      await tx.run(MERGE_PAPER_METHODS, { paperMethods });
    });
  }
}
