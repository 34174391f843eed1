import type { GraphReader } from '../db/gateway';
import { batchLoader, loaderFamily } from '../graphql/batch';
import { MethodRepository } from './method.repository';
import type { Method, MethodCollection } from './method.type';

export function createMethodLoaders(db: GraphReader) {
  const methods = new MethodRepository(db);
  return {
    methodById: batchLoader<Method | null>((ids) => methods.byIds(ids), null),
    methodsOfPaper: batchLoader<Method[]>((ids) => methods.ofPapers(ids), []),
    methodsOfCollection: loaderFamily((limit: number) =>
      batchLoader<Method[]>((ids) => methods.ofCollections(ids, limit), []),
    ),
    collectionsOfMethod: batchLoader<MethodCollection[]>((ids) => methods.collectionsOf(ids), []),
  };
}
