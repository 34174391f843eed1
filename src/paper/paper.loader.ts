import type { Db } from '../db/gateway';
import { batchLoader, loaderFamily } from '../graphql/batch';
import type { KeysetRow } from '../graphql/keyset';
import { PaperRepository, type PaperListQuery, type PaperListRequest } from './paper.repository';
import type { Paper } from './paper.type';

/** A loader key for one list: the scope id and the cursor, as JSON (DataLoader keys are strings). */
export function paperListKey(scope: string | null, after: PaperListRequest['after']): string {
  return JSON.stringify([scope, after]);
}

function requestOf(key: string): PaperListRequest {
  const [scope, after] = JSON.parse(key) as [string | null, PaperListRequest['after']];
  return { key, scope, after };
}

export function createPaperLoaders(db: Db) {
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
