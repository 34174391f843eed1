import type { PaperFilter } from '../paper/paper-filter';
import type { InputRefs } from './cypher';
import { anyOf, datasetPapers, PAPERS_OF, paperDataset } from './graph-vocabulary';
import { givenKeys, type Condition, type ListInputs } from './keyset-list';

/**
 * The paper scopes: which papers a list holds (all papers, or the papers of one task, author,
 * method or dataset) and the filter conditions that narrow it. Paper pages, counts and facets are
 * composed from these.
 */

/** What a list of papers hangs off: all papers, or the papers of one task, author, method or dataset. */
export type PaperScope = 'all' | keyof typeof PAPERS_OF | 'dataset';

/**
 * Scopes with more papers than this are hubs: their date-ordered pages walk the `publishedAt`
 * index instead of sorting (see paper.repository.ts), and their facets are stored (see
 * paper-facets.ts) instead of counted per request.
 */
export const HUB_SIZE = 5000;

/** Whether paper `p` belongs to the node scope whose id is `id` (an input or variable). */
export function paperIn(scope: keyof typeof PAPERS_OF, id: string): string {
  const { label, toPapers } = PAPERS_OF[scope];
  return `EXISTS { (n:${label})${toPapers}(p) WHERE n.id = ${id} }`;
}

/** How a scope reaches its papers `p` from `req.scope` (the scope's id). */
export function scopeMatch(scope: PaperScope): string {
  if (scope === 'all') return 'MATCH (p:Paper)';
  if (scope === 'dataset') return `MATCH (d:Dataset {id: req.scope})\n  CALL (d) { ${datasetPapers('d')} }`;
  const { label, toPapers } = PAPERS_OF[scope];
  return `MATCH (:${label} {id: req.scope})${toPapers}(p:Paper)`;
}

/** Each filter condition as Cypher over `p`, reading its value from the filter input. */
const FILTER_CONDITION: Record<keyof PaperFilter, Condition> = {
  task: ($) => paperIn('task', `${$.filter}.task`),
  author: ($) => paperIn('author', `${$.filter}.author`),
  method: ($) => paperIn('method', `${$.filter}.method`),
  dataset: ($) => anyOf(paperDataset('p', `:Dataset {id: ${$.filter}.dataset}`)),
  area: ($) => `EXISTS { (p)-[:HAS_TASK]->(:Task)-[:IN_AREA]->(:Area {id: ${$.filter}.area}) }`,
  framework: ($) => `EXISTS { (p)-[c:HAS_CODE]->() WHERE toLower(c.framework) = toLower(${$.filter}.framework) }`,
  yearFrom: ($) => `p.publishedAt >= date({year: ${$.filter}.yearFrom})`,
  yearTo: ($) => `p.publishedAt < date({year: ${$.filter}.yearTo + 1})`,
  hasCode: ($) => `EXISTS { (p)-[:HAS_CODE]->() } = ${$.filter}.hasCode`,
};

/** The names of the conditions a filter gives, in a fixed order (a statement's shape). */
export function givenFilters(filter: PaperFilter): (keyof PaperFilter)[] {
  return givenKeys(FILTER_CONDITION, filter);
}

/** The filter's given conditions as Cypher over `p`. */
export function filterConditions($: InputRefs<ListInputs>, filter: PaperFilter): string[] {
  return givenFilters(filter).map((key) => FILTER_CONDITION[key]($));
}
