import path from 'node:path';
import { cypher } from '../db/cypher';
import type { GraphWriter } from '../db/gateway';
import { arxivKey, titleKey, urlKey } from '../model/keys';
import { importRows, type FileImport } from './records';
import type { FileReport } from './report';
import { lastPathSegment, text } from '../model/values';

export interface LinkRow {
  paperId: string;
  paperTitle: string | null;
  paperTitleKey: string | null;
  arxivId: string | null;
  url: string;
  owner: string | null;
  name: string | null;
  isOfficial: boolean;
  mentionedInPaper: boolean;
  mentionedInGithub: boolean;
  framework: string | null;
}

const MERGE_LINKS = cypher(
  'import.mergeCodeLinks',
  `
UNWIND $rows AS row
MERGE (p:Paper {id: row.paperId})
  ON CREATE SET p.title = row.paperTitle, p.titleKey = row.paperTitleKey, p.arxivId = row.arxivId
MERGE (r:Repository {url: row.url})
SET r.owner = row.owner, r.name = row.name
MERGE (p)-[c:HAS_CODE]->(r)
WITH c, row WHERE c.submission IS NULL
SET c.isOfficial = row.isOfficial, c.mentionedInPaper = row.mentionedInPaper,
    c.mentionedInGithub = row.mentionedInGithub, c.framework = row.framework, c.archiveFile = $archiveFile
`,
);

export function readLink(record: Record<string, unknown>, report: FileReport, label: string): LinkRow | null {
  const paperId = lastPathSegment(record.paper_url);
  const url = urlKey(text(record.repo_url));
  if (!paperId || !url) {
    report.skip('link without paper_url or repo_url', label);
    return null;
  }
  const [owner, name] = new URL(url).pathname.split('/').filter(Boolean);
  const framework = text(record.framework);
  const paperTitle = text(record.paper_title);
  return {
    paperId,
    paperTitle,
    paperTitleKey: titleKey(paperTitle),
    arxivId: arxivKey(text(record.paper_arxiv_id)),
    url,
    owner: owner ?? null,
    name: name ?? null,
    isOfficial: record.is_official === true,
    mentionedInPaper: record.mentioned_in_paper === true,
    mentionedInGithub: record.mentioned_in_github === true,
    framework: framework && framework.toLowerCase() !== 'none' ? framework : null,
  };
}

/** Writes a batch of code links (papers and repositories merged) in one transaction. */
export async function writeLinks(db: GraphWriter, rows: LinkRow[], archiveFile: string): Promise<void> {
  await db.write(MERGE_LINKS, { rows, archiveFile });
}

export function importLinks(context: FileImport): Promise<void> {
  return importRows(context, {
    concurrency: context.writers,
    labelFields: ['repo_url', 'paper_url'],
    read: (record, label) => readLink(record, context.report, label),
    write: (rows) => writeLinks(context.db, rows, path.basename(context.file)),
  });
}
