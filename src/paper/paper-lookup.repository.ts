import { readStatement } from '../db/cypher';
import type { GraphReader } from '../db/gateway';
import { PAPER_PROJECTION } from '../db/graph-vocabulary';
import { readOnePerKey } from '../db/keyed-read';
import type { Paper } from './paper.type';

// When several papers share an arXiv id or a URL (the archive has such duplicates), the one
// answered is the earliest published, papers without a date last, then the smallest id: the same
// paper on every call.
const FIRST_LISTED = 'ORDER BY p.publishedAt IS NULL, p.publishedAt, p.id LIMIT 1';

const PAPERS_BY_ARXIV_ID = readStatement(
  'paper.byArxivIds',
  ($) => `
UNWIND ${$.ids} AS id
CALL (id) {
  MATCH (p:Paper {arxivId: id})
  RETURN p ${FIRST_LISTED}
}
RETURN id AS key, ${PAPER_PROJECTION} AS value
`,
);

// A URL as the paper's abstract page (compared loosely, as urlKey does) or its stored PDF URL.
const PAPERS_BY_URL = readStatement(
  'paper.byUrls',
  ($) => `
UNWIND ${$.ids} AS req
CALL (req) {
  CALL (req) {
    MATCH (p:Paper {urlKey: req.urlKey}) RETURN p
    UNION
    MATCH (p:Paper {urlPdf: req.url}) RETURN p
  }
  RETURN p ${FIRST_LISTED}
}
RETURN req.key AS key, ${PAPER_PROJECTION} AS value
`,
);

/** A URL looked up: as given, and as urlKey compares it. */
export interface UrlRequest {
  key: string;
  url: string;
  urlKey: string;
}

/** Finds papers by the identifiers clients hold: arXiv ids and URLs. */
export class PaperLookupRepository {
  constructor(private readonly db: GraphReader) {}

  /** The paper of each arXiv id (without version, as arxivKey gives it). */
  byArxivIds(arxivIds: readonly string[]): Promise<Map<string, Paper>> {
    return readOnePerKey(this.db, PAPERS_BY_ARXIV_ID, arxivIds);
  }

  /** The paper whose abstract page or PDF each URL is. */
  byUrls(requests: readonly UrlRequest[]): Promise<Map<string, Paper>> {
    return readOnePerKey(this.db, PAPERS_BY_URL, requests);
  }
}
