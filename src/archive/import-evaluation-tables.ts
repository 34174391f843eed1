import path from 'node:path';
import { cypher } from '../db/cypher';
import { readEvaluationRecord, type EvaluationRows } from './evaluation-record';
import type { MetricDirection } from '../model/metric';
import { metricDirection } from './metric-direction';
import { NameIndex } from './name-index';
import { forEachRecord, recordLabel, type FileImport } from './records';
import { TaskIds } from './task-ids';
import { LEADERBOARD_LAST_SOTA, runUpdate } from '../db/migrations';

const EXISTING_DATASETS = cypher(
  'import.existingDatasets',
  'MATCH (d:Dataset) RETURN d.id AS id, [d.name, d.fullName] + coalesce(d.variants, []) AS names ORDER BY d.id',
);

const MERGE_TASKS = cypher(
  'import.mergeEvaluationTasks',
  `
UNWIND $tasks AS row
MERGE (t:Task {id: row.id}) ON CREATE SET t.name = row.name
SET t.description = coalesce(row.description, t.description)
WITH t, row
CALL (t, row) {
  WITH t, row WHERE row.parentId IS NOT NULL
  MATCH (parent:Task {id: row.parentId})
  MERGE (t)-[:SUBTASK_OF]->(parent)
}
CALL (t, row) {
  UNWIND row.areas AS area
  MERGE (a:Area {id: area.id}) ON CREATE SET a.name = area.name
  MERGE (t)-[:IN_AREA]->(a)
}
`,
);

const MERGE_LEADERBOARDS = cypher(
  'import.mergeLeaderboards',
  `
UNWIND $leaderboards AS row
MERGE (d:Dataset {id: row.datasetId}) ON CREATE SET d.name = row.datasetName
SET d.description = coalesce(d.description, row.datasetDescription)
WITH d, row
MATCH (t:Task {id: row.taskId})
MERGE (l:Leaderboard {id: row.id})
SET l.name = row.datasetName
REMOVE l.sotaComputed
MERGE (l)-[:FOR_TASK]->(t)
MERGE (l)-[:ON_DATASET]->(d)
WITH l, row
CALL (l, row) {
  UNWIND row.metrics AS metric
  MERGE (m:Metric {name: metric.name})
  WITH l, m, metric
  CALL (m, metric) {
    WITH m, metric WHERE coalesce(m.directionSource, '') <> 'submission'
    SET m.direction = metric.direction, m.directionSource = metric.source
  }
  MERGE (l)-[measures:MEASURES]->(m)
  SET measures.position = metric.position
}
`,
);

// Rows point at papers by URL or title: the PWC id, then the arXiv id, then the URL, then the
// exact normalised title; a row whose paper is in none of them keeps no FROM_PAPER link.
const MERGE_RESULTS = cypher(
  'import.mergeResults',
  `
UNWIND $results AS row
MATCH (l:Leaderboard {id: row.leaderboardId})
MERGE (r:Result {id: row.id})
SET r.modelName = row.modelName, r.usesAdditionalData = row.usesAdditionalData, r.codeLinks = row.codeLinks,
    r.paperTitle = row.paperTitle, r.paperUrl = row.paperUrl,
    r.date = CASE WHEN row.date IS NULL THEN null ELSE date(row.date) END, r.archiveFile = $archiveFile
MERGE (r)-[:ON_LEADERBOARD]->(l)
WITH r, row
CALL (r, row) {
  UNWIND row.values AS value
  MATCH (m:Metric {name: value.metric})
  MERGE (r)-[v:HAS_VALUE]->(m)
  SET v.raw = value.raw, v.value = value.value
}
CALL (r) {
  MATCH (r)-[old:FROM_PAPER]->() DELETE old
}
WITH r, row, row.paperRef AS ref
WITH r, row,
     head(COLLECT { MATCH (p:Paper {id: ref.paperId}) RETURN p }) AS byId,
     head(COLLECT { MATCH (p:Paper {arxivId: ref.arxivId}) RETURN p ORDER BY p.id }) AS byArxiv,
     head(COLLECT { MATCH (p:Paper {urlKey: ref.urlKey}) RETURN p ORDER BY p.id }) AS byUrl,
     head(COLLECT { MATCH (p:Paper {titleKey: ref.titleKey}) RETURN p ORDER BY p.id }) AS byTitle
WITH r, row, coalesce(byId, byArxiv, byUrl, byTitle) AS paper,
     CASE WHEN byId IS NOT NULL THEN 'id' WHEN byArxiv IS NOT NULL THEN 'arxiv'
          WHEN byUrl IS NOT NULL THEN 'url' ELSE 'title' END AS matchedBy
CALL (r, paper, matchedBy) {
  WITH r, paper, matchedBy WHERE paper IS NOT NULL
  MERGE (r)-[f:FROM_PAPER]->(paper)
  SET f.matchedBy = matchedBy
}
WITH row, paper WHERE paper IS NULL
RETURN row.modelName + ' on ' + row.leaderboardId AS unmatched
`,
);

/** Streams `evaluation-tables.json[.gz]`: tasks and their hierarchy, leaderboards, metrics and results. */
export async function importEvaluationTables(
  { db, file, report, progress, batchSize }: FileImport,
  overrides: ReadonlyMap<string, MetricDirection>,
): Promise<void> {
  const [tasks, datasets] = await Promise.all([
    TaskIds.load(db),
    db.query<{ id: string; names: (string | null)[] }>(EXISTING_DATASETS),
  ]);
  const context = {
    taskIds: tasks,
    datasetIds: new NameIndex(datasets),
    direction: (metric: string) => metricDirection(metric, overrides),
    report,
  };
  let pending: EvaluationRows = { tasks: [], leaderboards: [], results: [] };
  let pendingRecords = 0;
  const flush = async () => {
    const batch = pending;
    pending = { tasks: [], leaderboards: [], results: [] };
    // Parents before children: a record lists a task before its subtasks, and batches keep record order.
    const unmatched = await db.writeTransaction(async (tx) => {
      await tx.run(MERGE_TASKS, { tasks: batch.tasks });
      await tx.run(MERGE_LEADERBOARDS, { leaderboards: batch.leaderboards });
      return tx.run<{ unmatched: string }>(MERGE_RESULTS, { results: batch.results, archiveFile: path.basename(file) });
    });
    for (const { unmatched: example } of unmatched)
      report.repair('paper of a leaderboard row not found: kept without paper', example);
    report.written += pendingRecords;
    pendingRecords = 0;
  };
  await forEachRecord(file, report, progress, async (record, index) => {
    const rows = readEvaluationRecord(record, recordLabel(index, record, 'task'), context);
    pending.tasks.push(...rows.tasks);
    pending.leaderboards.push(...rows.leaderboards);
    pending.results.push(...rows.results);
    pendingRecords += 1;
    if (pending.results.length + pending.tasks.length >= batchSize) await flush();
  });
  if (pendingRecords > 0) await flush();
  await runUpdate(db, LEADERBOARD_LAST_SOTA);
}
