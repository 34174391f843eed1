import type { GraphReader } from '../db/gateway';
import { batchLoader, loaderFamily } from '../graphql/batch';
import { RelatedRepository } from './related.repository';
import type { RelatedPaper } from './related.type';

export function createRelatedLoaders(db: GraphReader) {
  const related = new RelatedRepository(db);
  return {
    relatedToPaper: loaderFamily((limit: number) =>
      batchLoader<RelatedPaper[]>((ids) => related.ofPapers(ids, limit), []),
    ),
    relatedToTask: loaderFamily((limit: number) =>
      batchLoader<RelatedPaper[]>((ids) => related.ofTasks(ids, limit), []),
    ),
  };
}
