import type { GraphReader } from '../db/gateway';
import { batchLoader, loaderFamily } from '../graphql/batch';
import { SearchRepository } from './search.repository';
import type { SearchHit, SearchType } from './search.type';

export function createSearchLoaders(db: GraphReader) {
  const search = new SearchRepository(db);
  return {
    /** The hits of a search (keyed by indexSearchKey) in one type's index: every search of a request in one read per index. */
    searchHitsOfType: loaderFamily((type: SearchType) =>
      batchLoader<SearchHit[]>((keys) => search.inIndex(type, keys), []),
    ),
  };
}
