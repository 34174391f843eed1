import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import type { CatalogueDefinition } from '../graphql/catalogue';
import { datasetPapers, datasetProjection } from './dataset.repository';

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

export const DATASET_CATALOGUE: CatalogueDefinition<DatasetFilter, DatasetOrder> = {
  name: 'dataset',
  match: 'MATCH (n:Dataset)',
  conditions: {
    modality: 'any(m IN coalesce(n.modalities, []) WHERE toLower(m) = toLower($filter.modality))',
    task: `(EXISTS { (n)-[:HAS_TASK]->(:Task {id: $filter.task}) }
      OR EXISTS { (n)<-[:ON_DATASET]-(:Leaderboard)-[:FOR_TASK]->(:Task {id: $filter.task}) })`,
    language: 'any(l IN coalesce(n.languages, []) WHERE toLower(l) = toLower($filter.language))',
  },
  orders: {
    [DatasetOrder.PAPER_COUNT_DESC]: {
      key: `COUNT { ${datasetPapers('n')} }`,
      direction: 'DESC',
      keyType: 'integer',
    },
    [DatasetOrder.NAME_ASC]: { key: 'toLower(n.name)', direction: 'ASC', keyType: 'text' },
    [DatasetOrder.INTRODUCED_DESC]: {
      key: "coalesce(n.introducedAt, date('0001-01-01'))",
      direction: 'DESC',
      keyType: 'date',
    },
  },
  projection: datasetProjection('n'),
};
