import type { GraphReader } from '../db/gateway';
import { batchLoader, loaderFamily } from '../graphql/batch';
import { DatasetRepository } from './dataset.repository';
import type { Dataset } from './dataset.type';

export function createDatasetLoaders(db: GraphReader) {
  const datasets = new DatasetRepository(db);
  return {
    datasetById: batchLoader<Dataset | null>((ids) => datasets.byIds(ids), null),
    datasetsOfPaper: batchLoader<Dataset[]>((ids) => datasets.ofPapers(ids), []),
    datasetsOfTask: loaderFamily((limit: number) => batchLoader<Dataset[]>((ids) => datasets.ofTasks(ids, limit), [])),
    datasetPaperCount: batchLoader<number>((ids) => datasets.paperCounts(ids), 0),
  };
}
