import { cypher } from '../db/cypher';
import type { Db } from '../db/gateway';
import { firstPerKey, readManyPerKey, readOnePerKey } from '../db/keyed-read';
import type { Dataset } from './dataset.type';

/** The properties of a dataset the API returns, projected from the variable `d`. */
export function datasetProjection(d: string): string {
  return `${d} { .id, .name, .fullName, .description, .homepage, .introducedAt,
    modalities: coalesce(${d}.modalities, []), languages: coalesce(${d}.languages, []) }`;
}

/** The papers `p` of the dataset bound to `d`: the one that introduced it and those with results on it. */
export function datasetPapers(d: string): string {
  return `MATCH (${d})-[:INTRODUCED_IN]->(p:Paper) RETURN p
    UNION
    MATCH (${d})<-[:ON_DATASET]-(:Leaderboard)<-[:ON_LEADERBOARD]-(:Result)-[:FROM_PAPER]->(p:Paper) RETURN p`;
}

/**
 * Whether the paper bound to `paper` introduced the dataset `dataset` (a bound variable in
 * parentheses, or a node pattern such as `(:Dataset {id: $id})`) or has results on it.
 */
export function datasetHoldsPaper(paper: string, dataset: string): string {
  return `(EXISTS { (${paper})<-[:INTRODUCED_IN]-${dataset} }
    OR EXISTS { (${paper})<-[:FROM_PAPER]-(:Result)-[:ON_LEADERBOARD]->(:Leaderboard)-[:ON_DATASET]->${dataset} })`;
}

const DATASETS_BY_ID = cypher(
  'dataset.byIds',
  `
UNWIND $ids AS id
MATCH (d:Dataset {id: id})
RETURN id AS key, ${datasetProjection('d')} AS value
`,
);

// A paper's datasets: those it introduced and those its results are on.
const DATASETS_OF_PAPERS = cypher(
  'dataset.ofPapers',
  `
UNWIND $ids AS id
MATCH (p:Paper {id: id})
CALL (p) {
  MATCH (p)<-[:INTRODUCED_IN]-(d:Dataset) RETURN d
  UNION
  MATCH (p)<-[:FROM_PAPER]-(:Result)-[:ON_LEADERBOARD]->(:Leaderboard)-[:ON_DATASET]->(d:Dataset) RETURN d
}
WITH id, d ORDER BY id, d.name, d.id
RETURN id AS key, ${datasetProjection('d')} AS value
`,
);

// A task's datasets: those that list the task and those of its leaderboards.
const DATASETS_OF_TASKS = cypher(
  'dataset.ofTasks',
  `
UNWIND $ids AS id
MATCH (t:Task {id: id})
CALL (t) {
  MATCH (t)<-[:HAS_TASK]-(d:Dataset) RETURN d
  UNION
  MATCH (t)<-[:FOR_TASK]-(:Leaderboard)-[:ON_DATASET]->(d:Dataset) RETURN d
}
WITH id, d ORDER BY id, d.name, d.id
${firstPerKey('d')}
RETURN id AS key, ${datasetProjection('d')} AS value
`,
);

const PAPER_COUNTS = cypher(
  'dataset.paperCounts',
  `
UNWIND $ids AS id
MATCH (d:Dataset {id: id})
RETURN id AS key, COUNT { ${datasetPapers('d')} } AS value
`,
);

export class DatasetRepository {
  constructor(private readonly db: Db) {}

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
