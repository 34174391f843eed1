import type { GraphReader } from '../db/gateway';
import { batchLoader } from '../graphql/batch';
import { ResultRepository } from './result.repository';
import type { MetricValue, Result } from './result.type';

export function createResultLoaders(db: GraphReader) {
  const results = new ResultRepository(db);
  return {
    resultsOfPaper: batchLoader<Result[]>((ids) => results.ofPapers(ids), []),
    valuesOfResult: batchLoader<MetricValue[]>((ids) => results.values(ids), []),
  };
}
