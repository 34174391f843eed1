import type { GraphReader } from '../db/gateway';
import { batchLoader, loaderFamily } from '../graphql/batch';
import type { KeysetRow } from '../db/keyset';
import { listRequestOf } from '../db/keyset-list';
import { PaperRepository, type PaperListQuery } from './paper.repository';
import type { Paper } from './paper.type';
import { PaperLookupRepository, type UrlRequest } from './paper-lookup.repository';
import { PaperFacetsRepository, type FacetQuery, type FacetRow } from './paper-facets.repository';

/** The loader key of a URL lookup: the URL as given and as urlKey compares it. */
export function urlLookupKey(url: string, urlKey: string): string {
  return JSON.stringify([url, urlKey]);
}

function urlRequestOf(key: string): UrlRequest {
  const [url, urlKey] = JSON.parse(key) as [string, string];
  return { key, url, urlKey };
}

export function createPaperLoaders(db: GraphReader) {
  const papers = new PaperRepository(db);
  const lookups = new PaperLookupRepository(db);
  const facets = new PaperFacetsRepository(db);
  return {
    paperByArxivId: batchLoader<Paper | null>((ids) => lookups.byArxivIds(ids), null),
    paperByUrl: batchLoader<Paper | null>((keys) => lookups.byUrls(keys.map(urlRequestOf)), null),
    paperById: batchLoader<Paper | null>((ids) => papers.byIds(ids), null),
    introducingPaperOfDataset: batchLoader<Paper | null>((ids) => papers.introducingDatasets(ids), null),
    introducingPaperOfMethod: batchLoader<Paper | null>((ids) => papers.introducingMethods(ids), null),
    paperOfResult: batchLoader<Paper | null>((ids) => papers.ofResults(ids), null),
    papersOfRepository: loaderFamily((limit: number) =>
      batchLoader<Paper[]>((urls) => papers.ofRepositories(urls, limit), []),
    ),
    paperPages: loaderFamily((list: PaperListQuery) =>
      batchLoader<KeysetRow<Paper>[]>((keys) => papers.pages(list, keys.map(listRequestOf)), []),
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
    /** A facet of the lists of one shape, by the JSON of the scope id (see paperCounts). */
    paperFacets: loaderFamily((query: FacetQuery) =>
      batchLoader<FacetRow[] | number>(
        (scopes) =>
          facets.facets(
            query,
            scopes.map((key) => ({ key, scope: JSON.parse(key) as string | null })),
          ),
        query.kind === 'withCode' ? 0 : [],
      ),
    ),
  };
}
