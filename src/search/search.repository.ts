import { readStatement, type ReadStatement } from '../db/cypher';
import type { GraphReader } from '../db/gateway';
import {
  authorProjection,
  datasetProjection,
  methodProjection,
  paperProjection,
  taskProjection,
} from '../db/graph-vocabulary';
import { groupByKey, type KeyedRow } from '../db/keyed-read';
import { keysetCondition, type KeysetAfter, type SortSpec } from '../db/keyset';
import { escapeLucene } from './lucene';
import { RANKED_WINDOW, SearchType, type SearchHit } from './search.type';

/**
 * The full-text index (schema/fulltext.cypher) behind each type, the property that names a hit,
 * the node label, the loose key of the name (src/db/name-keys.ts) and what the API returns of it.
 */
export const SEARCH_INDEXES = [
  [SearchType.PAPER, 'paper_text', 'title', 'Paper', 'titleKey', paperProjection],
  [SearchType.AUTHOR, 'author_name', 'name', 'Author', 'nameKey', authorProjection],
  [SearchType.TASK, 'task_text', 'name', 'Task', 'nameKey', taskProjection],
  [SearchType.DATASET, 'dataset_text', 'name', 'Dataset', 'nameKey', datasetProjection],
  [SearchType.METHOD, 'method_text', 'name', 'Method', 'nameKey', methodProjection],
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

/** What a ranked search reads. */
interface RankedInputs {
  query: string;
  key: string;
  words: string[];
  types: SearchType[];
  window: number;
  limit: number;
  after: KeysetAfter | null;
}

// Relevance first, then type and id: a total order, so keyset pages never overlap.
const RELEVANCE: SortSpec = { key: 'score', direction: 'DESC', keyType: 'score' };

/** The order `searchResults` pages by, for its cursors. */
export const RELEVANCE_ORDER = { name: 'RELEVANCE', keyType: RELEVANCE.keyType } as const;

/**
 * The deliberate ranking across types. Each index's Lucene scores are divided by its best one
 * (scores of different indexes are not comparable: "textual inversion" scores the task
 * "Semantic Textual Similarity" higher than the paper), then the name is weighed: +3 when it
 * equals the text (loosely: case, accents and punctuation ignored), +1 when it starts with it,
 * and + the share of the text's words it holds (0 to 1).
 */
export const RANKED = readStatement<RankedInputs>(
  'search.ranked',
  ($) => `
CALL () {
  ${SEARCH_INDEXES.map(
    ([type, index, , label, keyProperty]) => `WITH '${type}' AS type WHERE type IN ${$.types}
  CALL db.index.fulltext.queryNodes('${index}', ${$.query}, { limit: ${$.window} }) YIELD node, score
  RETURN type, node, node.${keyProperty} AS name, score
  UNION ALL
  WITH '${type}' AS type WHERE type IN ${$.types}
  MATCH (node:${label} {${keyProperty}: ${$.key}})
  RETURN type, node, node.${keyProperty} AS name, null AS score`,
  ).join('\n  UNION ALL\n  ')}
}
WITH type, node, coalesce(name, '') AS name, coalesce(max(score), 0.0) AS score
WITH type, collect({ node: node, name: name, score: score }) AS hits, max(score) AS top
UNWIND hits AS hit
WITH type, hit.node AS node, hit.name AS name, hit.score / CASE WHEN top > 0 THEN top ELSE 1.0 END AS relevance
WITH type, node, relevance
  + CASE WHEN name = ${$.key} THEN 3.0 WHEN name STARTS WITH ${$.key} + ' ' THEN 1.0 ELSE 0.0 END
  + toFloat(size([word IN ${$.words} WHERE (' ' + name + ' ') CONTAINS (' ' + word + ' ')])) / size(${$.words}) AS score
WITH collect({ type: type, node: node, score: score, id: type + ':' + node.id }) AS ranked
RETURN size(ranked) AS total, COLLECT {
  UNWIND ranked AS hit
  WITH hit WHERE ${keysetCondition(RELEVANCE, 'hit.score', 'hit.id', $.after)}
  WITH hit.type AS type, hit.node AS node, hit.score AS score, hit.id AS id
  ORDER BY score DESC, id
  LIMIT ${$.limit}
  RETURN { type: type, score: score, id: id, value: CASE type
    ${SEARCH_INDEXES.map(([type, , , , , projection]) => `WHEN '${type}' THEN ${projection('node')}`).join('\n    ')}
  END }
} AS page`,
  ['total', 'page'],
);

/** A ranked hit: its type, score, the order's id (`TYPE:id`) and the node as its type's queries return it. */
export interface RankedHit {
  type: SearchType;
  score: number;
  id: string;
  value: { id: string };
}

/** A ranked search: the text as typed, its loose key and words, the types, the page size and cursor. */
export interface RankedSearch {
  text: string;
  key: string;
  types: SearchType[];
  limit: number;
  after: KeysetAfter | null;
}

/** What autocomplete reads: the prefix's loose key, its words as a Lucene query (null: none), the types, how many. */
interface SuggestInputs {
  key: string;
  words: string | null;
  types: SearchType[];
  window: number;
  limit: number;
}

/** What the autocomplete statement reads for a prefix's loose key. */
export function suggestInputs(key: string, types: SearchType[], limit: number): SuggestInputs {
  const words = key.split(' ');
  const last = words[words.length - 1];
  // Key words hold letters and digits only: nothing to escape but operator words, which are lower case.
  const lucene = last.length >= WORD_PREFIX_MIN ? [...words.slice(0, -1), `${last}*`].map((word) => `+${word}`) : null;
  return { key, words: lucene && lucene.join(' '), types, window: SUGGEST_WINDOW, limit };
}

/** How many candidates of each type and way autocomplete ranks. */
const SUGGEST_WINDOW = 50;

/**
 * The shortest last word autocomplete looks for inside names: a shorter one ("a", "im") would
 * expand to most of the index's terms.
 */
export const WORD_PREFIX_MIN = 3;

/**
 * Autocomplete in two ways, as Neo4j's full-text analyzers have no edge n-grams: names whose
 * loose key (src/db/name-keys.ts) starts with the prefix's, a seek on the key's range index
 * ("text-to-im" finds Text-to-Image Generation), and names holding the prefix's words with the
 * last one as a word prefix, a Lucene prefix query on the name field of the full-text index
 * ("diffus" finds "Denoising Diffusion Probabilistic Models"). Ranked: an equal name (3), a
 * name starting with the prefix (2), a word of it (1); then how connected the node is (the
 * log of its degree, less than 1); then shorter names first.
 */
export const SUGGESTIONS = readStatement<SuggestInputs>(
  'search.suggest',
  ($) => `
CALL () {
  ${SEARCH_INDEXES.map(
    ([type, index, nameProperty, label, keyProperty]) => `WITH '${type}' AS type WHERE type IN ${$.types}
  MATCH (node:${label}) WHERE node.${keyProperty} STARTS WITH ${$.key}
  WITH type, node ORDER BY node.${keyProperty} LIMIT ${$.window}
  RETURN type, node, node.${nameProperty} AS name, CASE WHEN node.${keyProperty} = ${$.key} THEN 3 ELSE 2 END AS class
  UNION ALL
  WITH '${type}' AS type WHERE type IN ${$.types} AND ${$.words} IS NOT NULL
  CALL db.index.fulltext.queryNodes('${index}', '${nameProperty}:(' + ${$.words} + ')', { limit: ${$.window} }) YIELD node
  RETURN type, node, node.${nameProperty} AS name, 1 AS class`,
  ).join('\n  UNION ALL\n  ')}
}
WITH type, node, coalesce(name, node.id) AS name, max(class) AS class
WITH type, node, name, class + log10(1 + COUNT { (node)--() }) / 10 AS score
ORDER BY score DESC, size(name), type, node.id
LIMIT ${$.limit}
RETURN type, node.id AS id, name, score`,
  ['type', 'id', 'name', 'score'],
);

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

  /** One page of a ranked search (`limit` hits at most) and how many hits it ranks in all. */
  async ranked(search: RankedSearch): Promise<{ total: number; page: RankedHit[] }> {
    const [row] = await this.db.read<{ total: number; page: RankedHit[] }>(RANKED, {
      query: escapeLucene(search.text),
      key: search.key,
      words: search.key.split(' '),
      types: search.types,
      window: RANKED_WINDOW,
      limit: search.limit,
      after: search.after,
    });
    return row ?? { total: 0, page: [] };
  }

  /** Autocomplete: the best `limit` names and titles of the types that start with the prefix `key`, or a word of which does. */
  async suggest(key: string, types: SearchType[], limit: number): Promise<SearchHit[]> {
    return this.db.read<SearchHit>(SUGGESTIONS, suggestInputs(key, types, limit));
  }
}
