import { createHash } from 'node:crypto';
import type { DirectionSource, MetricDirection } from '../model/metric';
import { parseMetricValue } from './metric-value';
import { arxivKey, pwcId, titleKey, urlKey } from '../model/keys';
import type { NameIndex } from './name-index';
import type { FileReport } from './report';
import { slugify } from '../model/slug';
import type { TaskIds } from './task-ids';
import { calendarDate, text, textList } from '../model/values';

export interface TaskRow {
  id: string;
  name: string;
  description: string | null;
  parentId: string | null;
  areas: { id: string; name: string }[];
}

export interface LeaderboardRow {
  id: string;
  taskId: string;
  datasetId: string;
  /** The benchmark's name as the table gives it (a dataset, or a split such as "COCO test-dev"). */
  datasetName: string;
  datasetDescription: string | null;
  metrics: { name: string; position: number; direction: MetricDirection; source: DirectionSource }[];
}

export interface ResultRow {
  id: string;
  leaderboardId: string;
  modelName: string;
  date: string | null;
  usesAdditionalData: boolean;
  codeLinks: string[];
  paperTitle: string | null;
  paperUrl: string | null;
  paperRef: { paperId: string | null; arxivId: string | null; urlKey: string | null; titleKey: string | null };
  values: { metric: string; raw: string; value: number | null }[];
}

export interface EvaluationRows {
  tasks: TaskRow[];
  leaderboards: LeaderboardRow[];
  results: ResultRow[];
}

export interface EvaluationContext {
  taskIds: TaskIds;
  datasetIds: NameIndex;
  direction: (metric: string) => { direction: MetricDirection; source: DirectionSource };
  report: FileReport;
}

type Json = Record<string, unknown>;

function objects(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter((item): item is Json => item !== null && typeof item === 'object') : [];
}

function resultId(parts: (string | null)[]): string {
  return createHash('sha1')
    .update(parts.map((part) => part ?? '').join('\u241f'))
    .digest('hex')
    .slice(0, 20);
}

/** What Papers With Code showed for a row without a model name: its paper's title, else this. */
export const UNNAMED_MODEL = 'Unnamed model';

/** The model name of a row that has none, counted as a repair: the paper's title, else UNNAMED_MODEL. */
function unnamedModel(paperTitle: string | null, report: FileReport, example: string): string {
  if (paperTitle) {
    report.repair('leaderboard row without model_name: named after its paper', example);
    return paperTitle;
  }
  report.repair(`leaderboard row without model_name or paper: named "${UNNAMED_MODEL}"`, example);
  return UNNAMED_MODEL;
}

/**
 * Flattens one task tree of `evaluation-tables.json` (task → subtasks, task → datasets →
 * subdatasets → sota rows) into task, leaderboard and result rows, joined by ids.
 */
export function readEvaluationRecord(record: Json, label: string, context: EvaluationContext): EvaluationRows {
  const rows: EvaluationRows = { tasks: [], leaderboards: [], results: [] };
  const { report } = context;

  const readDataset = (dataset: Json, taskId: string) => {
    const name = text(dataset.dataset) ?? text(dataset.subdataset);
    if (!name) return report.skip('benchmark without a dataset name', `${label}, task ${taskId}`);
    let datasetId = context.datasetIds.find(name);
    if (!datasetId) {
      datasetId = context.datasetIds.findByLeadingWords(name);
      if (datasetId) report.repair('benchmark matched to a dataset by its leading words', `${name} → ${datasetId}`);
    }
    if (!datasetId) {
      datasetId = slugify(name);
      context.datasetIds.add(datasetId, [name]);
      report.repair('dataset not in datasets.json: created from its leaderboard', `${name} (${label})`);
    }
    // Named after the benchmark as the table names it, like Papers With Code's own ids: the
    // test-clean and test-other splits of LibriSpeech are two leaderboards on one dataset.
    const leaderboardId = `${taskId}-on-${slugify(name)}`;
    const sota = (dataset.sota ?? {}) as Json;
    const metricNames = textList(sota.metrics);
    const subdatasets = objects(dataset.subdatasets);
    const occurrences = new Map<string, number>();
    const exactRows = new Set<string>();
    const resultsBefore = rows.results.length;
    for (const row of objects(sota.rows)) {
      const paperUrl = text(row.paper_url);
      const paperTitle = text(row.paper_title);
      // Some rows give the paper's URL as its title.
      const shownTitle = paperTitle && !/^https?:\/\//.test(paperTitle) ? paperTitle : null;
      const modelName = text(row.model_name) ?? unnamedModel(shownTitle, report, `${label}, ${leaderboardId}`);
      const date = calendarDate(row.paper_date);
      if (text(row.paper_date) && !date) report.repair('impossible date dropped', `${modelName} on ${leaderboardId}`);
      const metrics = (row.metrics ?? {}) as Json;
      const values = Object.entries(typeof metrics === 'object' ? metrics : {})
        .filter(([metric]) => text(metric))
        .map(([metric, raw]) => ({ metric: metric.trim(), ...parseMetricValue(raw) }));
      // The same row twice is one result; rows that differ only in their values (several
      // submissions of one model on one day) stay separate results, numbered in file order.
      const key = [leaderboardId, modelName, paperUrl, paperTitle, date];
      const exact = JSON.stringify([key, values]);
      if (exactRows.has(exact)) {
        report.repair('duplicate leaderboard row dropped', `${modelName} on ${leaderboardId}`);
        continue;
      }
      exactRows.add(exact);
      const keyText = JSON.stringify(key);
      const occurrence = occurrences.get(keyText) ?? 0;
      occurrences.set(keyText, occurrence + 1);
      if (occurrence > 0) {
        report.repair(
          'conflicting rows for one model, paper and date: kept as separate results',
          `${modelName} on ${leaderboardId}`,
        );
      }
      const id = resultId(occurrence === 0 ? key : [...key, String(occurrence)]);
      for (const { metric } of values) if (!metricNames.includes(metric)) metricNames.push(metric);
      rows.results.push({
        id,
        leaderboardId,
        modelName,
        date,
        usesAdditionalData: row.uses_additional_data === true,
        codeLinks: objects(row.code_links)
          .map((link) => text(link.url))
          .filter((url): url is string => url !== null),
        paperTitle: shownTitle,
        paperUrl,
        paperRef: {
          paperId: pwcId(paperUrl, 'paper'),
          arxivId: arxivKey(paperUrl),
          urlKey: urlKey(paperUrl),
          titleKey: titleKey(paperTitle),
        },
        values,
      });
    }
    const ownResults = rows.results.length - resultsBefore;
    for (const sub of subdatasets) readDataset(sub, taskId);
    // A parent benchmark that only groups its splits has no table of its own.
    if (metricNames.length === 0 && ownResults === 0) return;
    rows.leaderboards.push({
      id: leaderboardId,
      taskId,
      datasetId,
      datasetName: name,
      datasetDescription: text(dataset.description),
      metrics: metricNames.map((metric, position) => ({ name: metric, position, ...context.direction(metric) })),
    });
  };

  const readTask = (task: Json, parentId: string | null) => {
    const name = text(task.task);
    if (!name) return report.skip('task without a name', label);
    const id = context.taskIds.idFor(name);
    rows.tasks.push({
      id,
      name,
      description: text(task.description),
      parentId,
      areas: textList(task.categories).map((area) => ({ id: slugify(area), name: area })),
    });
    for (const dataset of objects(task.datasets)) readDataset(dataset, id);
    for (const subtask of objects(task.subtasks)) readTask(subtask, id);
  };

  readTask(record, null);
  return rows;
}
