import { Field, ID, InputType, Int, registerEnumType } from 'type-graphql';

export enum PaperOrder {
  PUBLISHED_DESC = 'PUBLISHED_DESC',
  PUBLISHED_ASC = 'PUBLISHED_ASC',
  TITLE_ASC = 'TITLE_ASC',
}
registerEnumType(PaperOrder, {
  name: 'PaperOrder',
  description: 'How a list of papers is sorted; ties are broken by id, so pages never overlap.',
  valuesConfig: {
    PUBLISHED_DESC: { description: 'Newest first; papers without a date last (the default).' },
    PUBLISHED_ASC: { description: 'Oldest first; papers without a date last.' },
    TITLE_ASC: { description: 'By title, A to Z, ignoring case.' },
  },
});

@InputType({ description: 'Conditions on a list of papers; all given conditions must hold.' })
export class PaperFilter {
  @Field(() => ID, { nullable: true, description: 'Papers that address this task.' })
  task?: string | null;

  @Field(() => ID, { nullable: true, description: 'Papers that introduce this dataset or have results on it.' })
  dataset?: string | null;

  @Field(() => ID, { nullable: true, description: 'Papers that use this method.' })
  method?: string | null;

  @Field(() => ID, { nullable: true, description: 'Papers this author wrote.' })
  author?: string | null;

  @Field(() => ID, { nullable: true, description: 'Papers that address a task of this area, e.g. computer-vision.' })
  area?: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'Papers with a code repository in this framework, as `facets.frameworks` names them (e.g. pytorch, tf, jax); any case.',
  })
  framework?: string | null;

  @Field(() => Int, { nullable: true, description: 'Papers published in this year or later.' })
  yearFrom?: number | null;

  @Field(() => Int, { nullable: true, description: 'Papers published in this year or earlier.' })
  yearTo?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'true: papers with a code repository; false: papers without.' })
  hasCode?: boolean | null;
}
