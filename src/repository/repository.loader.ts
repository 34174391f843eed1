import type { Db } from '../db/gateway';
import { batchLoader } from '../graphql/batch';
import { RepositoryRepository } from './repository.repository';
import type { CodeLink, Repository } from './repository.type';

export function createRepositoryLoaders(db: Db) {
  const repositories = new RepositoryRepository(db);
  return {
    repositoryByUrl: batchLoader<Repository | null>((urls) => repositories.byUrls(urls), null),
    codeLinksOfPaper: batchLoader<CodeLink[]>((paperIds) => repositories.codeLinksOfPapers(paperIds), []),
  };
}
