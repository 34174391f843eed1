import type { Db } from '../db/gateway';
import { batchLoader } from '../graphql/batch';
import { PaperRepository } from './paper.repository';
import type { Paper } from './paper.type';

export function createPaperLoaders(db: Db) {
  const papers = new PaperRepository(db);
  return {
    paperById: batchLoader<string, Paper | null>((ids) => papers.byIds(ids), null),
  };
}
