import { arxivKey, titleKey, urlKey } from '../model/keys';
import { slugify } from '../model/slug';
import { calendarDate, lastPathSegment, text, textList } from '../model/values';

export interface AuthorshipRow {
  authorId: string;
  name: string;
  position: number;
}

/** A method as a paper embeds it: matched to methods.json by name, else created from this copy. */
export interface EmbeddedMethod {
  name: string;
  fullName: string | null;
  description: string | null;
}

export interface PaperRow {
  id: string;
  title: string | null;
  titleKey: string | null;
  abstract: string | null;
  arxivId: string | null;
  urlAbs: string | null;
  urlKey: string | null;
  urlPdf: string | null;
  publishedAt: string | null;
  proceeding: string | null;
  conference: string | null;
  authors: AuthorshipRow[];
  taskNames: string[];
  methods: EmbeddedMethod[];
}

export type PaperOutcome = { row: PaperRow; repaired: string[] } | { skipped: string };

function embeddedMethods(value: unknown): EmbeddedMethod[] {
  if (!Array.isArray(value)) return [];
  const methods = new Map<string, EmbeddedMethod>();
  for (const item of value) {
    if (item === null || typeof item !== 'object') continue;
    const record = item as Record<string, unknown>;
    const name = text(record.name);
    if (name && !methods.has(name)) {
      methods.set(name, { name, fullName: text(record.full_name), description: text(record.description) });
    }
  }
  return [...methods.values()];
}

/** A record of `papers-with-abstracts.json` as a row to write, or the reason it is skipped. */
export function readPaperRecord(record: Record<string, unknown>): PaperOutcome {
  const id = lastPathSegment(record.paper_url);
  if (!id) return { skipped: 'no paper_url' };
  const title = text(record.title);
  if (!title) return { skipped: 'placeholder paper without a title' };
  const repaired: string[] = [];
  const publishedAt = calendarDate(record.date);
  if (text(record.date) && !publishedAt) repaired.push('impossible date dropped');
  const rawArxiv = text(record.arxiv_id);
  const arxivId = arxivKey(rawArxiv);
  if (rawArxiv && !arxivId) repaired.push('unreadable arXiv id dropped');

  const authors: AuthorshipRow[] = [];
  const seen = new Set<string>();
  for (const name of textList(record.authors)) {
    const authorId = slugify(name);
    if (!authorId || seen.has(authorId)) continue;
    seen.add(authorId);
    authors.push({ authorId, name, position: authors.length });
  }
  const urlAbs = text(record.url_abs);

  return {
    row: {
      id,
      title,
      titleKey: titleKey(title),
      abstract: text(record.abstract)?.replace(/\r\n/g, '\n') ?? null,
      arxivId,
      urlAbs,
      urlKey: urlKey(urlAbs),
      urlPdf: text(record.url_pdf),
      publishedAt,
      proceeding: text(record.proceeding),
      conference: text(record.conference),
      authors,
      taskNames: textList(record.tasks),
      methods: embeddedMethods(record.methods),
    },
    repaired,
  };
}
