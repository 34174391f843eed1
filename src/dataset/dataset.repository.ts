import { readStatement } from '../db/cypher';
import type { GraphReader } from '../db/gateway';
import { firstPerKey, readManyPerKey, readOnePerKey } from '../db/keyed-read';
import { anyOf, datasetPapers, datasetProjection, datasetTask, paperDataset, reachedBy } from '../db/graph-vocabulary';
import { CatalogueRepository, type CatalogueDefinition } from '../db/catalogue';
import { DatasetOrder, type DatasetFilter } from './dataset-filter';
import type { Dataset } from './dataset.type';

const DATASETS_BY_ID = readStatement(
  'dataset.byIds',
  ($) => `
UNWIND ${$.ids} AS id
MATCH (d:Dataset {id: id})
RETURN id AS key, ${datasetProjection('d')} AS value
`,
);

// A paper's datasets: those it introduced and those its results are on.
const DATASETS_OF_PAPERS = readStatement(
  'dataset.ofPapers',
  ($) => `
UNWIND ${$.ids} AS id
MATCH (p:Paper {id: id})
CALL (p) {
  ${reachedBy(paperDataset('p', 'd:Dataset'), 'd')}
}
WITH id, d ORDER BY id, d.name, d.id
RETURN id AS key, ${datasetProjection('d')} AS value
`,
);

// A task's datasets: those that list the task and those of its leaderboards.
const DATASETS_OF_TASKS = readStatement(
  'dataset.ofTasks',
  ($) => `
UNWIND ${$.ids} AS id
MATCH (t:Task {id: id})
CALL (t) {
  ${reachedBy(datasetTask('d:Dataset', 't'), 'd')}
}
WITH id, d ORDER BY id, d.name, d.id
${firstPerKey($.limit, 'd')}
RETURN id AS key, ${datasetProjection('d')} AS value
`,
);

const PAPER_COUNTS = readStatement(
  'dataset.paperCounts',
  ($) => `
UNWIND ${$.ids} AS id
MATCH (d:Dataset {id: id})
RETURN id AS key, COUNT { ${datasetPapers('d')} } AS value
`,
);

export class DatasetRepository {
  constructor(private readonly db: GraphReader) {}

  byIds(ids: readonly string[]): Promise<Map<string, Dataset>> {
    return readOnePerKey(this.db, DATASETS_BY_ID, ids);
  }

  ofPapers(paperIds: readonly string[]): Promise<Map<string, Dataset[]>> {
    return readManyPerKey(this.db, DATASETS_OF_PAPERS, paperIds);
  }

  /** Each task's first `limit` datasets by name. */
  ofTasks(taskIds: readonly string[], limit: number): Promise<Map<string, Dataset[]>> {
    return readManyPerKey(this.db, DATASETS_OF_TASKS, taskIds, { limit });
  }

  /** How many papers introduced each dataset or have results on it. */
  paperCounts(datasetIds: readonly string[]): Promise<Map<string, number>> {
    return readOnePerKey(this.db, PAPER_COUNTS, datasetIds);
  }
}

const DATASET_CATALOGUE: CatalogueDefinition<DatasetFilter, DatasetOrder> = {
  name: 'dataset',
  match: 'MATCH (n:Dataset)',
  conditions: {
    modality: ($) => `any(m IN coalesce(n.modalities, []) WHERE toLower(m) = toLower(${$.filter}.modality))`,
    task: ($) => anyOf(datasetTask('n', `:Task {id: ${$.filter}.task}`)),
    language: ($) => `any(l IN coalesce(n.languages, []) WHERE toLower(l) = toLower(${$.filter}.language))`,
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

/** The catalogue of all datasets, filtered and sorted, a page at a time. */
export class DatasetCatalogue extends CatalogueRepository<Dataset, DatasetFilter, DatasetOrder> {
  constructor(db: GraphReader) {
    super(db, DATASET_CATALOGUE);
  }
}
