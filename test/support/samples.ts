import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';

/** Real Papers With Code data (CC-BY-SA 4.0), copied into the project: see its README for the sources. */
export const PWC_SAMPLES = path.join(PROJECT_ROOT, 'test', 'fixtures', 'pwc-samples');
export const EVALUATION_SAMPLES = path.join(PWC_SAMPLES, 'evaluation-tables');
/** The sample that is deliberately not valid JSON. */
export const INVALID_EVALUATION_SAMPLE = path.join(EVALUATION_SAMPLES, 'example_json_format.json');

export interface SampleSota {
  metrics?: string[];
  rows?: { metrics?: Record<string, unknown> }[];
}
interface SampleDataset {
  sota?: SampleSota;
  subdatasets?: SampleDataset[];
}
interface SampleTask {
  datasets?: SampleDataset[];
  subtasks?: SampleTask[];
}

/** Every task tree of the real sota-extractor samples, file by file in name order. */
export function readEvaluationSamples(): SampleTask[] {
  return readdirSync(EVALUATION_SAMPLES)
    .filter((name) => name.endsWith('.json') && path.join(EVALUATION_SAMPLES, name) !== INVALID_EVALUATION_SAMPLE)
    .sort()
    .flatMap((name) => JSON.parse(readFileSync(path.join(EVALUATION_SAMPLES, name), 'utf8')) as SampleTask[]);
}

/** Calls `visit` with the table of every benchmark of the samples: tasks, subtasks, datasets, subdatasets. */
export function forEachSampleTable(visit: (sota: SampleSota) => void): void {
  const visitDataset = (dataset: SampleDataset): void => {
    if (dataset.sota) visit(dataset.sota);
    for (const subdataset of dataset.subdatasets ?? []) visitDataset(subdataset);
  };
  const visitTask = (task: SampleTask): void => {
    for (const dataset of task.datasets ?? []) visitDataset(dataset);
    for (const subtask of task.subtasks ?? []) visitTask(subtask);
  };
  for (const task of readEvaluationSamples()) visitTask(task);
}
