import { cypher } from '../db/cypher';
import type { GraphWriter } from '../db/gateway';
import { NameIndex } from './name-index';
import type { EmbeddedMethod, PaperRow } from './paper-record';
import type { FileReport } from './report';
import { slugify } from '../model/slug';
import { TaskIds } from './task-ids';

const EXISTING_METHODS = cypher(
  'import.existingMethods',
  'MATCH (m:Method) RETURN m.id AS id, [m.name, m.fullName] AS names ORDER BY m.id',
);

// One statement per batch. A paper's authors, tasks and methods are replaced as a whole (deleted,
// then created), which makes re-imports idempotent, lets a newer dump update papers in place, and
// costs far less than MERGE-ing each relationship.
const WRITE_PAPERS = cypher(
  'import.writePapers',
  `
UNWIND $papers AS row
MERGE (p:Paper {id: row.id})
SET p.title = row.title, p.titleKey = row.titleKey, p.abstract = row.abstract, p.arxivId = row.arxivId,
    p.urlAbs = row.urlAbs, p.urlKey = row.urlKey, p.urlPdf = row.urlPdf, p.proceeding = row.proceeding,
    p.conference = row.conference,
    p.publishedAt = CASE WHEN row.publishedAt IS NULL THEN null ELSE date(row.publishedAt) END
WITH p, row
CALL (p) {
  MATCH (p)<-[w:AUTHORED]-() DELETE w
}
CALL (p) {
  MATCH (p)-[h:HAS_TASK|USES_METHOD]->() DELETE h
}
CALL (p, row) {
  UNWIND row.authors AS author
  MERGE (a:Author {id: author.authorId}) ON CREATE SET a.name = author.name
  CREATE (a)-[:AUTHORED {position: author.position}]->(p)
}
CALL (p, row) {
  UNWIND row.tasks AS task
  MERGE (t:Task {id: task.id}) ON CREATE SET t.name = task.name
  CREATE (p)-[:HAS_TASK {position: task.position}]->(t)
}
CALL (p, row) {
  UNWIND row.methods AS method
  MERGE (m:Method {id: method.id})
    ON CREATE SET m.name = method.name, m.fullName = method.fullName, m.description = method.description
  CREATE (p)-[:USES_METHOD]->(m)
}
`,
);

/** A paper row with its tasks and methods given their graph ids. */
export interface ResolvedPaper extends Omit<PaperRow, 'taskNames' | 'methods'> {
  tasks: { id: string; name: string; position: number }[];
  methods: (EmbeddedMethod & { id: string })[];
}

/**
 * Gives a paper's tasks and embedded methods their ids: tasks by name (TaskIds), methods by their
 * names in methods.json, else a new slug (reported as a repair). The transactional and the bulk
 * import both resolve through it, so both give the same ids in the same order.
 */
export class PaperResolver {
  constructor(
    private readonly taskIds: TaskIds,
    private readonly methodIds: NameIndex,
    private readonly report: FileReport,
  ) {}

  /** The ids of the tasks and methods already in the graph. */
  static async load(db: GraphWriter, report: FileReport): Promise<PaperResolver> {
    const [tasks, methods] = await Promise.all([
      TaskIds.load(db),
      db.query<{ id: string; names: (string | null)[] }>(EXISTING_METHODS),
    ]);
    return new PaperResolver(tasks, new NameIndex(methods), report);
  }

  private methodId(paperId: string, name: string): string {
    const known = this.methodIds.find(name);
    if (known) return known;
    const id = slugify(name);
    this.methodIds.add(id, [name]);
    this.report.repair('method not in methods.json: created from the paper’s embedded copy', `${name} (${paperId})`);
    return id;
  }

  resolve({ taskNames, methods, ...paper }: PaperRow): ResolvedPaper {
    return {
      ...paper,
      tasks: taskNames.map((name, position) => ({ id: this.taskIds.idFor(name), name, position })),
      methods: methods.map((method) => ({ ...method, id: this.methodId(paper.id, method.name) })),
    };
  }
}

/** Writes batches of resolved paper rows with their authors, tasks and methods, each batch in one transaction. */
export async function writePapers(db: GraphWriter, papers: ResolvedPaper[]): Promise<void> {
  await db.write(WRITE_PAPERS, { papers });
}
