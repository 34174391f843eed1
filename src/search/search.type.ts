import { Field, Float, ID, ObjectType, registerEnumType } from 'type-graphql';

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
