import type { GraphReader } from '../db/gateway';
import { batchLoader } from '../graphql/batch';
import { ResultRepository } from './result.repository';
import type { MetricValue, Result } from './result.type';
import type { Provenance } from './provenance.type';

export function createResultLoaders(db: GraphReader) {
  const results = new ResultRepository(db);
  return {
    resultsOfPaper: batchLoader<Result[]>((ids) => results.ofPapers(ids), []),
    resultById: batchLoader<Result | null>((ids) => results.byIds(ids), null),
    provenanceOfResult: batchLoader<Provenance | null>((ids) => results.provenance(ids), null),
    valuesOfResult: batchLoader<MetricValue[]>((ids) => results.values(ids), []),
  };
}
