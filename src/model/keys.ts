/** Keys the files are joined on: the archive references papers by arXiv id, URL or title, never by one id. */
import { lastPathSegment, text, trimTrailing } from './values';

// Every pattern here is linear in its input (test/regex-safety.test.ts checks them all): they read
// user input (`repository(url:)`) as well as the archive.
const ARXIV_URL = /arxiv\.org\/(?:abs|pdf)\/([^?#]*)/i;
const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})(?:v\d+)?$/i;
const VERSION = /v\d+$/i;
const ARXIV_PREFIX = /^arxiv:/i;
const PWC_URL = /paperswithcode\.com\/(paper|dataset|method|task)\/([^/?#]+)/i;

/**
 * An arXiv id without its version suffix, from an id (with or without an `arXiv:` prefix) or an
 * arxiv.org abs/pdf URL: 2208.01618v2 → 2208.01618; old ids (cs/9301114) kept.
 */
export function arxivKey(idOrUrl: string | null | undefined): string | null {
  if (!idOrUrl) return null;
  const trimmed = idOrUrl.trim().replace(ARXIV_PREFIX, '');
  const fromUrl = ARXIV_URL.exec(trimmed)?.[1];
  let id = fromUrl === undefined ? trimmed : trimTrailing(fromUrl, '/');
  if (fromUrl !== undefined && id.toLowerCase().endsWith('.pdf')) id = id.slice(0, -'.pdf'.length);
  return ARXIV_ID.test(id) ? id.replace(VERSION, '') : null;
}

/** A URL compared loosely: https, no "www.", no trailing slash, ".git" or fragment; lower-cased host. */
export function urlKey(url: string | null | undefined): string | null {
  if (!url) return null;
  const match = /^(?:https?:)?\/\/(?:www\.)?([^/?#]+)([^#]*)/i.exec(url.trim());
  if (!match) return null;
  const withoutGit = trimTrailing(match[2], '/').replace(/\.git$/i, '');
  const pathPart = trimTrailing(withoutGit, '/');
  return `https://${match[1].toLowerCase()}${pathPart}`;
}

/** A title (or a name) compared loosely: accents, case, punctuation and spacing ignored. */
export function titleKey(title: string | null | undefined): string | null {
  if (!title) return null;
  const key = title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  return key === '' ? null : key;
}

/** The Papers With Code id in a paperswithcode.com URL of the given kind (paper, dataset, method, task). */
export function pwcId(url: string | null | undefined, kind: 'paper' | 'dataset' | 'method' | 'task'): string | null {
  if (!url) return null;
  const match = PWC_URL.exec(url);
  return match && match[1].toLowerCase() === kind ? decodeURIComponent(match[2]) : null;
}

/** The id (from `url`) and name of a datasets.json or methods.json record; null when either is missing. */
export function catalogueIdentity(
  record: Record<string, unknown>,
  kind: 'dataset' | 'method',
): { id: string; name: string } | null {
  const id = pwcId(text(record.url), kind) ?? lastPathSegment(record.url);
  const name = text(record.name);
  return id && name ? { id, name } : null;
}
