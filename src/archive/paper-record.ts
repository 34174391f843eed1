import { slugify } from './slug';
import { calendarDate, lastPathSegment, text, textList } from './values';

export interface AuthorshipRow {
  authorId: string;
  name: string;
  position: number;
}

export interface PaperRow {
  id: string;
  title: string | null;
  abstract: string | null;
  arxivId: string | null;
  urlAbs: string | null;
  urlPdf: string | null;
  publishedAt: string | null;
  proceeding: string | null;
  authors: AuthorshipRow[];
  taskNames: string[];
}

export type PaperOutcome = { row: PaperRow; repaired: string[] } | { skipped: string };

/** A record of `papers-with-abstracts.json` as a row to write, or the reason it is skipped. */
export function readPaperRecord(record: Record<string, unknown>): PaperOutcome {
  const id = lastPathSegment(record.paper_url);
  if (!id) return { skipped: 'no paper_url' };
  const title = text(record.title);
  if (!title) return { skipped: 'placeholder paper without a title' };
  const repaired: string[] = [];
  const publishedAt = calendarDate(record.date);
  if (text(record.date) && !publishedAt) repaired.push('impossible date dropped');

  const authors: AuthorshipRow[] = [];
  const seen = new Set<string>();
  for (const name of textList(record.authors)) {
    const authorId = slugify(name);
    if (!authorId || seen.has(authorId)) continue;
    seen.add(authorId);
    authors.push({ authorId, name, position: authors.length });
  }

  return {
    row: {
      id,
      title,
      abstract: text(record.abstract)?.replace(/\r\n/g, '\n') ?? null,
      arxivId: text(record.arxiv_id),
      urlAbs: text(record.url_abs),
      urlPdf: text(record.url_pdf),
      publishedAt,
      proceeding: text(record.proceeding),
      authors,
      taskNames: textList(record.tasks),
    },
    repaired,
  };
}
