import { readStatement, type ReadStatement } from '../db/cypher';
import type { GraphReader } from '../db/gateway';
import { groupByKey, type KeyedRow } from '../db/keyed-read';
import { escapeLucene } from './lucene';
import { SearchType, type SearchHit } from './search.type';

/** The full-text index (schema/fulltext.cypher) behind each type, and the property that names a hit. */
export const SEARCH_INDEXES = [
  [SearchType.PAPER, 'paper_text', 'title'],
  [SearchType.AUTHOR, 'author_name', 'name'],
  [SearchType.TASK, 'task_text', 'name'],
  [SearchType.DATASET, 'dataset_text', 'name'],
  [SearchType.METHOD, 'method_text', 'name'],
] as const;

// One statement per index, for every search of a request at once (each with its own text and
// limit): a request with many aliased searches sends at most one statement per index.
const INDEX_QUERIES: Record<SearchType, ReadStatement> = Object.fromEntries(
  SEARCH_INDEXES.map(([type, index, nameProperty]) => [
    type,
    readStatement(
      `search.${type.toLowerCase()}`,
      ($) => `
UNWIND ${$.ids} AS req
CALL db.index.fulltext.queryNodes('${index}', req.query, { limit: req.limit }) YIELD node, score
RETURN req.key AS key, { id: node.id, name: coalesce(node.${nameProperty}, node.id), score: score } AS value
`,
    ),
  ]),
) as Record<SearchType, ReadStatement>;

/** One search of one index: the user's text and how many hits to keep. */
export interface IndexSearch {
  text: string;
  limit: number;
}

/** The loader key of a search (DataLoader keys are strings). */
export function indexSearchKey(search: IndexSearch): string {
  return JSON.stringify([search.text, search.limit]);
}

export class SearchRepository {
  constructor(private readonly db: GraphReader) {}

  /** The hits of each search (by its key) in the index of `type`, best first. */
  async inIndex(type: SearchType, keys: readonly string[]): Promise<Map<string, SearchHit[]>> {
    const requests = keys.map((key) => {
      const [text, limit] = JSON.parse(key) as [string, number];
      return { key, query: escapeLucene(text), limit };
    });
    const rows = await this.db.read<KeyedRow<Omit<SearchHit, 'type'>>>(INDEX_QUERIES[type], { ids: requests });
    return new Map([...groupByKey(rows)].map(([key, hits]) => [key, hits.map((hit) => ({ ...hit, type }))]));
  }
}
