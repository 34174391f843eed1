import type { Db } from '../db/gateway';
import { batchLoader } from '../graphql/batch';
import { MethodRepository } from './method.repository';
import type { Method, MethodCollection } from './method.type';

export function createMethodLoaders(db: Db) {
  const methods = new MethodRepository(db);
  return {
    methodById: batchLoader<Method | null>((ids) => methods.byIds(ids), null),
    methodsOfPaper: batchLoader<Method[]>((ids) => methods.ofPapers(ids), []),
    methodsOfCollection: batchLoader<Method[]>((ids) => methods.ofCollections(ids), []),
    collectionsOfMethod: batchLoader<MethodCollection[]>((ids) => methods.collectionsOf(ids), []),
  };
}
