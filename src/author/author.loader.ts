import type { Db } from '../db/gateway';
import { batchLoader } from '../graphql/batch';
import { AuthorRepository } from './author.repository';
import type { Author } from './author.type';

export function createAuthorLoaders(db: Db) {
  const authors = new AuthorRepository(db);
  return {
    authorsByPaper: batchLoader<string, Author[]>((paperIds) => authors.ofPapers(paperIds), []),
  };
}
