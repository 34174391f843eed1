import { createUnionType, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Author } from '../author/author.type';
import { Dataset } from '../dataset/dataset.type';
import { PageInfo } from '../graphql/connection';
import { Method } from '../method/method.type';
import { Paper } from '../paper/paper.type';
import { Task } from '../task/task.type';

export enum SearchType {
  PAPER = 'PAPER',
  AUTHOR = 'AUTHOR',
  TASK = 'TASK',
  DATASET = 'DATASET',
  METHOD = 'METHOD',
}
registerEnumType(SearchType, {
  name: 'SearchType',
  description: 'What a search hit is.',
  valuesConfig: {
    PAPER: { description: 'A paper, matched on its title and abstract.' },
    AUTHOR: { description: 'An author, matched on the name.' },
    TASK: { description: 'A task, matched on its name and description.' },
    DATASET: { description: 'A dataset, matched on its names and description.' },
    METHOD: { description: 'A method, matched on its names and description.' },
  },
});

@ObjectType({ description: 'A full-text search hit: fetch it with the query of its type and id.' })
export class SearchHit {
  @Field(() => SearchType, { description: 'What the hit is.' })
  type!: SearchType;

  @Field(() => ID, { description: 'Its id (for `paper(id:)`, `task(id:)`, …).' })
  id!: string;

  @Field(() => String, { description: 'Its name (a paper’s title).' })
  name!: string;

  @Field(() => Float, { description: 'The relevance score Lucene gave it; hits come best first.' })
  score!: number;
}

/**
 * How many hits of each index `searchResults` ranks: its best by Lucene's score, plus the nodes
 * whose name equals the text. A search pages through these.
 */
export const RANKED_WINDOW = 200;

/** The node classes of the SearchResult union, by type (a hit's node is built as one of them). */
export const SEARCH_RESULT_CLASSES = {
  [SearchType.PAPER]: Paper,
  [SearchType.AUTHOR]: Author,
  [SearchType.TASK]: Task,
  [SearchType.DATASET]: Dataset,
  [SearchType.METHOD]: Method,
} as const;

export const SearchResult = createUnionType({
  name: 'SearchResult',
  description: 'What a search finds: a paper, an author, a task, a dataset or a method.',
  types: () => [Paper, Author, Task, Dataset, Method] as const,
  resolveType: (value) => Object.values(SEARCH_RESULT_CLASSES).find((type) => value instanceof type),
});

@ObjectType({ description: 'One result of a ranked search, with its cursor and score.' })
export class SearchEdge {
  @Field(() => String, { description: 'Pass as `after` to read the results that follow this one.' })
  cursor!: string;

  @Field(() => SearchResult, { description: 'What was found.' })
  node!: typeof SearchResult;

  @Field(() => Float, {
    description:
      'Its relevance, comparable across types: the full-text score over the best of its index (0 to 1), plus 3 when the name or title equals the query, 1 when it starts with it, and the share of the query’s words it holds (0 to 1).',
  })
  score!: number;
}

@ObjectType({ description: 'A page of ranked search results (Relay cursor connection).' })
export class SearchConnection {
  @Field(() => [SearchEdge], { description: 'The results of this page, best first.' })
  edges!: SearchEdge[];

  @Field(() => PageInfo, { description: 'Whether more follow, and the cursors to ask for them.' })
  pageInfo!: PageInfo;

  @Field(() => Int, {
    description: `How many results the search ranks: of each type, the best ${RANKED_WINDOW} full-text hits and the exact name matches.`,
  })
  totalCount!: number;

  @Field(() => [SearchResult], { description: 'The results of this page without their cursors.' })
  get nodes(): (typeof SearchResult)[] {
    return this.edges.map((edge) => edge.node);
  }
}
