import { pwcId, titleKey } from '../model/keys';
import { text } from '../model/values';

/** The paper that introduced a dataset or method, as its record's `paper {title, url}` names it. */
export interface IntroducingPaper {
  id: string;
  title: string | null;
  titleKey: string | null;
}

/** Only Papers With Code links give the paper's id; any other link (a DOI, a homepage) is not followed. */
export function introducingPaper(record: Record<string, unknown>): IntroducingPaper | null {
  const paper = (record.paper ?? null) as Record<string, unknown> | null;
  const id = pwcId(text(paper?.url), 'paper');
  if (!id) return null;
  const title = text(paper?.title);
  return { id, title, titleKey: titleKey(title) };
}

/**
 * The Cypher that links `node` to the paper in `row.paper` (an IntroducingPaper or null), creating
 * the paper with its title when the papers file has not (yet) brought it.
 */
export function linkIntroducingPaper(node: string): string {
  return `
CALL (${node}, row) {
  WITH ${node}, row WHERE row.paper IS NOT NULL
  MERGE (p:Paper {id: row.paper.id}) ON CREATE SET p.title = row.paper.title, p.titleKey = row.paper.titleKey
  MERGE (${node})-[:INTRODUCED_IN]->(p)
}`;
}
