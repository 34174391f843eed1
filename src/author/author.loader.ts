import type { GraphReader } from '../db/gateway';
import { batchLoader, loaderFamily } from '../graphql/batch';
import { AuthorRepository } from './author.repository';
import type { Author, Coauthorship } from './author.type';

export function createAuthorLoaders(db: GraphReader) {
  const authors = new AuthorRepository(db);
  return {
    authorById: batchLoader<Author | null>((ids) => authors.byIds(ids), null),
    authorsByPaper: batchLoader<Author[]>((paperIds) => authors.ofPapers(paperIds), []),
    coauthors: loaderFamily((limit: number) =>
      batchLoader<Coauthorship[]>((authorIds) => authors.coauthors(authorIds, limit), []),
    ),
  };
}
