import { Arg, Field, Int, ObjectType } from 'type-graphql';
import { pageSize } from '../graphql/paging';
import type { FacetKind } from '../db/paper-facets';

@ObjectType({ description: 'How many papers of a list have one value of a facet.' })
export class FacetCount {
  @Field(() => String, { description: 'The year (e.g. "2022"), the framework (e.g. "pytorch") or the task id.' })
  value!: string;

  @Field(() => String, { nullable: true, description: "The task's name; null for years and frameworks." })
  name!: string | null;

  @Field(() => Int, { description: 'How many papers of the list have it.' })
  count!: number;
}

/** Reads one facet of the list the facets belong to (tasks: the `first` most frequent). */
export type FacetReader = <V extends FacetCount[] | number>(kind: FacetKind, first: number) => Promise<V>;

@ObjectType({
  description:
    'How the papers of the whole filtered list (not only the page) spread: over years, frameworks and tasks, and how many have code. Each facet is counted only when selected; for lists of more than 5,000 papers without a filter they are stored at import.',
})
export class PaperFacets {
  constructor(private readonly read: FacetReader) {}

  @Field(() => [FacetCount], {
    description: 'Papers per publication year, from the earliest; papers without a date are not counted.',
  })
  years(): Promise<FacetCount[]> {
    return this.read('years', 0);
  }

  @Field(() => [FacetCount], {
    description:
      'Papers per framework of their code repositories, most papers first; a paper counts once per framework, and repositories of unknown framework are not counted.',
  })
  frameworks(): Promise<FacetCount[]> {
    return this.read('frameworks', 0);
  }

  @Field(() => [FacetCount], { description: 'The tasks most papers of the list address, most papers first.' })
  tasks(
    @Arg('first', () => Int, { nullable: true, description: 'How many tasks: 1 to 100 (default 20).' })
    first: number | null,
  ): Promise<FacetCount[]> {
    return this.read('tasks', pageSize(first));
  }

  @Field(() => Int, { description: 'How many papers of the list have at least one code repository.' })
  withCode(): Promise<number> {
    return this.read('withCode', 0);
  }
}
