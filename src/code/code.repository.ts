import { readStatement } from '../db/cypher';
import type { GraphReader } from '../db/gateway';
import { readManyPerKey, readOnePerKey } from '../db/keyed-read';
import type { CodeLink, Repository } from './code.type';

// A repository's framework: the one its paper links name (the first by name, should they differ).
const REPOSITORY_PROJECTION = `r { .url, .owner, .name,
  framework: head(COLLECT {
    MATCH (r)<-[c:HAS_CODE]-() WHERE c.framework IS NOT NULL
    RETURN DISTINCT c.framework AS framework ORDER BY framework
  }) }`;

const REPOSITORIES_BY_URL = readStatement(
  'repository.byUrls',
  ($) => `
UNWIND ${$.ids} AS id
MATCH (r:Repository {url: id})
RETURN id AS key, ${REPOSITORY_PROJECTION} AS value
`,
);

// A paper's code: official implementations first, then by URL.
const CODE_LINKS_OF_PAPERS = readStatement(
  'repository.linksOfPapers',
  ($) => `
UNWIND ${$.ids} AS id
MATCH (:Paper {id: id})-[c:HAS_CODE]->(r:Repository)
WITH id, c, r ORDER BY id, c.isOfficial DESC, r.url
RETURN id AS key, {
  paperId: id, repository: ${REPOSITORY_PROJECTION},
  isOfficial: coalesce(c.isOfficial, false), mentionedInPaper: coalesce(c.mentionedInPaper, false),
  mentionedInGithub: coalesce(c.mentionedInGithub, false), framework: c.framework,
  provenance: CASE WHEN c.submission IS NULL
    THEN { kind: 'ARCHIVE', archiveFile: c.archiveFile, submissionId: null, sourceUrl: null }
    ELSE { kind: 'SUBMISSION', archiveFile: null, submissionId: c.submission, sourceUrl: null } END
} AS value
`,
);

export class CodeRepository {
  constructor(private readonly db: GraphReader) {}

  byUrls(urls: readonly string[]): Promise<Map<string, Repository>> {
    return readOnePerKey(this.db, REPOSITORIES_BY_URL, urls);
  }

  codeLinksOfPapers(paperIds: readonly string[]): Promise<Map<string, CodeLink[]>> {
    return readManyPerKey(this.db, CODE_LINKS_OF_PAPERS, paperIds);
  }
}
