import { cypher } from '../db/cypher';
import type { Db } from '../db/gateway';
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

const INDEX_QUERIES: Record<SearchType, ReturnType<typeof cypher>> = Object.fromEntries(
  SEARCH_INDEXES.map(([type, index, nameProperty]) => [
    type,
    cypher(
      `search.${type.toLowerCase()}`,
      `
CALL db.index.fulltext.queryNodes('${index}', $query, { limit: $limit }) YIELD node, score
RETURN '${type}' AS key, { id: node.id, name: coalesce(node.${nameProperty}, node.id), score: score } AS value
`,
    ),
  ]),
) as Record<SearchType, ReturnType<typeof cypher>>;

export class SearchRepository {
  constructor(private readonly db: Db) {}

  /** The best `limit` hits over the given types, best first (ties by type and id). */
  async search(text: string, types: readonly SearchType[], limit: number): Promise<SearchHit[]> {
    const query = escapeLucene(text);
    const perType = await Promise.all(
      types.map(async (type) => {
        const rows = await this.db.readKeyed<Omit<SearchHit, 'type'>>(INDEX_QUERIES[type], { query, limit });
        return rows.map((row) => ({ ...row.value, type }));
      }),
    );
    return perType
      .flat()
      .sort((a, b) => b.score - a.score || a.type.localeCompare(b.type) || a.id.localeCompare(b.id))
      .slice(0, limit);
  }
}
