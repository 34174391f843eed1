import type { GraphReader } from '../db/gateway';
import { batchLoader, loaderFamily } from '../graphql/batch';
import type { KeysetAfter, KeysetRow } from '../db/keyset';
import type { ListRequest } from '../db/keyset-list';
import { PaperRepository, type PaperListQuery } from './paper.repository';
import type { Paper } from './paper.type';

/** A loader key for one list: the scope id and the cursor, as JSON (DataLoader keys are strings). */
export function paperListKey(scope: string | null, after: KeysetAfter | null): string {
  return JSON.stringify([scope, after]);
}

function requestOf(key: string): ListRequest {
  const [scope, after] = JSON.parse(key) as [string | null, KeysetAfter | null];
  return { key, scope, after };
}

export function createPaperLoaders(db: GraphReader) {
  const papers = new PaperRepository(db);
  return {
    paperById: batchLoader<Paper | null>((ids) => papers.byIds(ids), null),
    introducingPaperOfDataset: batchLoader<Paper | null>((ids) => papers.introducingDatasets(ids), null),
    introducingPaperOfMethod: batchLoader<Paper | null>((ids) => papers.introducingMethods(ids), null),
    paperOfResult: batchLoader<Paper | null>((ids) => papers.ofResults(ids), null),
    papersOfRepository: loaderFamily((limit: number) =>
      batchLoader<Paper[]>((urls) => papers.ofRepositories(urls, limit), []),
    ),
    paperPages: loaderFamily((list: PaperListQuery) =>
      batchLoader<KeysetRow<Paper>[]>((keys) => papers.pages(list, keys.map(requestOf)), []),
    ),
    paperCounts: loaderFamily((list: Omit<PaperListQuery, 'order' | 'limit'>) =>
      batchLoader<number>(
        (scopes) =>
          papers.counts(
            list,
            scopes.map((key) => ({ key, scope: JSON.parse(key) as string | null })),
          ),
        0,
      ),
    ),
  };
}
