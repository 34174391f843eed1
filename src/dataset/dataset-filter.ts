import { Field, ID, InputType, registerEnumType } from 'type-graphql';

export enum DatasetOrder {
  PAPER_COUNT_DESC = 'PAPER_COUNT_DESC',
  NAME_ASC = 'NAME_ASC',
  INTRODUCED_DESC = 'INTRODUCED_DESC',
}
registerEnumType(DatasetOrder, {
  name: 'DatasetOrder',
  description: 'How a list of datasets is sorted; ties are broken by id.',
  valuesConfig: {
    PAPER_COUNT_DESC: { description: 'Most papers (introducing it or with results on it) first (the default).' },
    NAME_ASC: { description: 'By name, A to Z, ignoring case.' },
    INTRODUCED_DESC: { description: 'Most recently introduced first; undated datasets last.' },
  },
});

@InputType({ description: 'Conditions on a list of datasets; all given conditions must hold.' })
export class DatasetFilter {
  @Field(() => String, { nullable: true, description: 'Datasets with this modality, e.g. "Images" (any case).' })
  modality?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Datasets for this task (listed by the dataset or by a leaderboard).',
  })
  task?: string | null;

  @Field(() => String, { nullable: true, description: 'Datasets in this language, e.g. "English" (any case).' })
  language?: string | null;
}
