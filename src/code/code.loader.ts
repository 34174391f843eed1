import type { GraphReader } from '../db/gateway';
import { batchLoader } from '../graphql/batch';
import { CodeRepository } from './code.repository';
import type { CodeLink, Repository } from './code.type';

export function createCodeLoaders(db: GraphReader) {
  const repositories = new CodeRepository(db);
  return {
    repositoryByUrl: batchLoader<Repository | null>((urls) => repositories.byUrls(urls), null),
    codeLinksOfPaper: batchLoader<CodeLink[]>((paperIds) => repositories.codeLinksOfPapers(paperIds), []),
  };
}
