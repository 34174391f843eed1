import { cypher } from '../db/cypher';
import { catalogueIdentity, pwcId } from '../model/keys';
import { introducingPaper, linkIntroducingPaper, type IntroducingPaper } from './introducing-paper';
import { importRows, type FileImport } from './records';
import type { FileReport } from './report';
import { calendarDate, text, textList } from '../model/values';

export interface DatasetRow {
  id: string;
  name: string;
  fullName: string | null;
  description: string | null;
  homepage: string | null;
  introducedAt: string | null;
  modalities: string[];
  languages: string[];
  variants: string[];
  tasks: { id: string; name: string }[];
  paper: IntroducingPaper | null;
}

const MERGE_DATASETS = cypher(
  'import.mergeDatasets',
  `
UNWIND $rows AS row
MERGE (d:Dataset {id: row.id})
SET d.name = row.name, d.fullName = row.fullName, d.description = row.description, d.homepage = row.homepage,
    d.modalities = row.modalities, d.languages = row.languages, d.variants = row.variants,
    d.introducedAt = CASE WHEN row.introducedAt IS NULL THEN null ELSE date(row.introducedAt) END
WITH d, row
CALL (d, row) {
  MATCH (d)-[h:LISTS_TASK]->(t:Task) WHERE NOT t.id IN [task IN row.tasks | task.id] DELETE h
}
CALL (d, row) {
  UNWIND row.tasks AS task
  MERGE (t:Task {id: task.id}) ON CREATE SET t.name = task.name
  MERGE (d)-[:LISTS_TASK]->(t)
}
` + linkIntroducingPaper('d'),
);

/** A record of `datasets.json`: the only file that gives real task ids (tasks[].url). */
export function readDataset(record: Record<string, unknown>, report: FileReport, label: string): DatasetRow | null {
  const identity = catalogueIdentity(record, 'dataset');
  if (!identity) {
    report.skip('dataset without url or name', label);
    return null;
  }
  const { id, name } = identity;
  const tasks: { id: string; name: string }[] = [];
  for (const entry of Array.isArray(record.tasks) ? record.tasks : []) {
    const task = entry as Record<string, unknown> | null;
    const taskId = pwcId(text(task?.url), 'task');
    const taskName = text(task?.task);
    if (taskId && taskName && !tasks.some((known) => known.id === taskId)) tasks.push({ id: taskId, name: taskName });
  }
  if (text(record.introduced_date) && !calendarDate(record.introduced_date))
    report.repair('impossible date dropped', label);
  return {
    id,
    name,
    fullName: text(record.full_name),
    description: text(record.description),
    homepage: text(record.homepage),
    introducedAt: calendarDate(record.introduced_date),
    modalities: textList(record.modalities),
    languages: textList(record.languages),
    variants: textList(record.variants),
    tasks,
    paper: introducingPaper(record),
  };
}

export function importDatasets(context: FileImport): Promise<void> {
  return importRows(context, {
    concurrency: 1,
    labelFields: ['url', 'name'],
    read: (record, label) => readDataset(record, context.report, label),
    write: async (rows) => {
      await context.db.write(MERGE_DATASETS, { rows });
    },
  });
}
