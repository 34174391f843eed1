import { daysIn, isoDate, MONTHS, monthOf, pad2, sampleMonth, yearOf } from './calendar';
import { drawLinkCount, linkStream } from './links';
import { OTHER_HOSTS, type Venue, VENUES } from './names';
import { hashString, mix, randomFor, type Random } from './random';
import { titleSlug } from './slugs';
import type { TaskCatalogue } from './tasks';
import { paperTitle } from './text';

/** What every file knows of a paper: its ids, URLs, title and date (the body lives in papers.ts). */
export interface PaperIdentity {
  index: number;
  paperUrl: string;
  title: string | null;
  /** The model the title names, for leaderboard rows. */
  model: string | null;
  /** The task the title names: the paper's first task. */
  titleTask: number;
  /** The arXiv id without version, or null; `record.arxiv_id` is what the file writes. */
  arxivId: string | null;
  version: number;
  /** Number of code repositories (rows of the links file). */
  links: number;
  /** A valid calendar date or null: what leaderboard rows give as paper_date. */
  validDate: string | null;
  year: number;
  quirk: PaperQuirk | null;
  record: {
    arxiv_id: string | null;
    nips_id: string | null;
    openreview_id: string | null;
    url_abs: string | null;
    url_pdf: string | null;
    proceeding: string | null;
    date: string | null;
    conference_url_abs: string | null;
    conference_url_pdf: string | null;
    conference: string | null;
  };
}

/** Quirks every archive has at least once, each pinned to a paper index (modulo the archive size). */
export const PAPER_QUIRKS = {
  placeholder: 7,
  date2222: 11,
  emptyDate: 13,
  nullDate: 17,
  oldArxivId: 19,
  crlfAbstract: 23,
  anonymous: 29,
  http: 31,
  emptyStrings: 37,
} as const;
export type PaperQuirk = keyof typeof PAPER_QUIRKS;

export const PLACEHOLDER_PAPER_URL = 'https://paperswithcode.com/paper/000000000';

const IDENTITY_STREAM = 0x1d;
const OLD_ARCHIVES = ['cs', 'math', 'physics', 'cond-mat', 'quant-ph', 'hep-th', 'q-bio', 'nlin'];
const OPENREVIEW = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-';
const FIELDS_THAT_GO_BLANK = [
  'nips_id',
  'openreview_id',
  'proceeding',
  'conference',
  'conference_url_pdf',
  'url_pdf',
] as const;

interface Draw {
  month: number;
  day: number;
  dateRoll: number;
  titleTask: number;
  title: string;
  model: string | null;
  hasArxiv: boolean;
  version: number;
  http: boolean;
  venue: Venue | null;
  host: number;
  blank: number;
}

/**
 * The papers' identities, computable for any index at any time. One pass at construction numbers
 * what needs the whole archive: arXiv ids (unique within their month), slug suffixes of colliding
 * titles (`-1`, `-2`), and the code links per paper, in typed arrays of a few bytes per paper.
 */
export class PaperIdentities {
  private readonly arxivRank: Int32Array;
  private readonly slugSuffix: Uint16Array;
  private readonly stride: Uint32Array;
  readonly linkCounts: Uint8Array;
  readonly totalLinks: number;
  private readonly quirkIndex = new Map<number, PaperQuirk>();

  constructor(
    readonly count: number,
    private readonly seed: number,
    private readonly tasks: TaskCatalogue,
  ) {
    for (const [quirk, index] of Object.entries(PAPER_QUIRKS) as [PaperQuirk, number][]) {
      if (!this.quirkIndex.has(index % count)) this.quirkIndex.set(index % count, quirk);
    }
    this.arxivRank = new Int32Array(count).fill(-1);
    this.slugSuffix = new Uint16Array(count);
    this.linkCounts = new Uint8Array(count);
    const perMonth = new Uint32Array(MONTHS);
    const slugs = new Map<number, number>();
    let links = 0;
    for (let index = 0; index < count; index += 1) {
      if (this.quirkAt(index) === 'placeholder') continue;
      const draw = this.draw(index);
      if (draw.hasArxiv) this.arxivRank[index] = perMonth[draw.month]++;
      // Equal hashes of different slugs only add a needless suffix, which the real ids have too.
      const hash = hashString(titleSlug(draw.title));
      const seen = slugs.get(hash) ?? 0;
      this.slugSuffix[index] = Math.min(seen, 65535);
      slugs.set(hash, seen + 1);
      // The first real paper always has code, so that even a two-paper archive has a links file.
      const minimum = links === 0 && index === (this.quirkAt(0) === 'placeholder' ? 1 : 0) ? 1 : 0;
      this.linkCounts[index] = Math.max(minimum, drawLinkCount(linkStream(seed, index)));
      links += this.linkCounts[index];
    }
    this.totalLinks = links;
    this.stride = perMonth.map((papers, month) => Math.max(1, Math.floor(arxivCapacity(month) / Math.max(1, papers))));
  }

  quirkAt(index: number): PaperQuirk | null {
    return this.quirkIndex.get(index) ?? null;
  }

  get(index: number): PaperIdentity {
    const quirk = this.quirkAt(index);
    if (quirk === 'placeholder') return placeholder(index);
    const draw = this.draw(index);
    const year = yearOf(draw.month);
    const slug = titleSlug(draw.title) + (this.slugSuffix[index] > 0 ? `-${this.slugSuffix[index]}` : '');
    const token = `${mix(this.seed, index, 0x70).toString(16).padStart(8, '0')}${index.toString(16)}`;
    const arxivId = this.arxivRank[index] >= 0 ? this.arxivIdOf(index, draw.month) : null;
    const scheme = draw.http || quirk === 'http' ? 'http' : 'https';

    const venue = draw.venue;
    const proceedingMonth = venue ? venue.month : 0;
    const onOpenreview = venue !== null && (venue.openreview || (venue.name === 'NeurIPS' && year >= 2021));
    const forumId = onOpenreview ? openreviewId(this.seed, index) : null;
    let urlAbs: string | null;
    let urlPdf: string | null;
    if (arxivId) {
      urlAbs = `${scheme}://arxiv.org/abs/${arxivId}v${draw.version}`;
      urlPdf = `${scheme}://arxiv.org/pdf/${arxivId}v${draw.version}.pdf`;
    } else if (venue) {
      urlAbs = venue.page(year, venue.openreview && forumId ? forumId : token);
      urlPdf = urlAbs.endsWith('.html') ? urlAbs.replace(/\.html$/, '.pdf') : null;
    } else {
      urlAbs = OTHER_HOSTS[draw.host % OTHER_HOSTS.length](token).replace(/^https:/, `${scheme}:`);
      urlPdf = null;
    }

    const record: PaperIdentity['record'] = {
      arxiv_id: arxivId,
      nips_id: venue?.name === 'NeurIPS' ? hexId(this.seed, index) : null,
      openreview_id: forumId,
      url_abs: urlAbs,
      url_pdf: urlPdf,
      proceeding: venue ? `${venue.name} ${year} ${proceedingMonth}` : null,
      date: isoDate(draw.month, draw.day),
      conference_url_abs: venue && arxivId ? venue.page(year, venue.openreview && forumId ? forumId : token) : null,
      conference_url_pdf:
        venue && arxivId && !venue.openreview ? venue.page(year, token).replace(/\.\w+$/, '.pdf') : null,
      conference: venue ? `${venue.name.toLowerCase()}-${year}-${proceedingMonth}` : null,
    };
    let validDate: string | null = record.date;
    if (quirk === 'emptyDate' || (quirk === null && draw.dateRoll < 0.008)) record.date = '';
    else if (quirk === 'nullDate' || (quirk === null && draw.dateRoll < 0.011)) record.date = null;
    else if (quirk === 'date2222' || (quirk === null && draw.dateRoll < 0.0111))
      record.date = `2222-${pad2((draw.month % 12) + 1)}-01`;
    if (record.date !== validDate) validDate = null;
    if (quirk === 'emptyStrings') {
      for (const field of FIELDS_THAT_GO_BLANK) record[field] = '';
      if (!arxivId) record.arxiv_id = '';
    } else if (draw.blank < FIELDS_THAT_GO_BLANK.length) {
      record[FIELDS_THAT_GO_BLANK[draw.blank]] = '';
    }
    return {
      index,
      paperUrl: `https://paperswithcode.com/paper/${slug}`,
      title: draw.title,
      model: draw.model,
      titleTask: draw.titleTask,
      arxivId,
      version: draw.version,
      links: this.linkCounts[index],
      validDate,
      year,
      quirk,
      record,
    };
  }

  private draw(index: number): Draw {
    const random = randomFor(this.seed, IDENTITY_STREAM, index);
    const quirk = this.quirkAt(index);
    const month = quirk === 'oldArxivId' ? monthOf(1995 + random.int(11), 1 + random.int(12)) : sampleMonth(random);
    const year = yearOf(month);
    const day = 1 + random.int(daysIn(month));
    const dateRoll = random.next();
    const titleTask = this.tasks.sample(random);
    const { title, model } = paperTitle(random, this.tasks.tasks[titleTask].name);
    const arxivShare = year < 1992 ? 0 : year < 2007 ? 0.45 : 0.88;
    const hasArxiv = quirk === 'oldArxivId' || random.chance(arxivShare);
    const version = 1 + Math.min(8, random.geometric(0.55));
    const http = random.chance(0.004);
    let venue: Venue | null = null;
    if (random.chance(0.28)) {
      const candidate = random.pick(VENUES);
      if (candidate.since <= year) venue = candidate;
    }
    const host = random.int(1000);
    const blank = random.chance(0.01) ? random.int(FIELDS_THAT_GO_BLANK.length) : FIELDS_THAT_GO_BLANK.length;
    return { month, day, dateRoll, titleTask, title, model, hasArxiv, version, http, venue, host, blank };
  }

  private arxivIdOf(index: number, month: number): string {
    const rank = this.arxivRank[index];
    const year = yearOf(month);
    const yymm = pad2(year % 100) + pad2((month % 12) + 1);
    if (year < 2007 || (year === 2007 && month % 12 < 3)) {
      const lap = Math.floor(rank / (999 * OLD_ARCHIVES.length));
      const archive = OLD_ARCHIVES[Math.floor(rank / 999) % OLD_ARCHIVES.length];
      return `${archive}/${yymm}${String((rank % 999) + 1 + lap * 999).padStart(3, '0')}`;
    }
    const stride = this.stride[month];
    const number = 1 + rank * stride + (mix(this.seed, index, 0x5a) % stride);
    return `${yymm}.${String(number).padStart(year < 2015 ? 4 : 5, '0')}`;
  }
}

/** New-style arXiv numbers are 4 digits until 2014 and 5 after; 90000+ is left for ids no paper has. */
function arxivCapacity(month: number): number {
  const year = yearOf(month);
  if (year < 2007) return 999;
  return year < 2015 ? 9999 : 89999;
}

/** An arXiv id that no generated paper has, for leaderboard rows that match nothing. */
export function unknownArxivId(random: Random): string {
  return `${random.between(15, 24)}${pad2(random.between(1, 12))}.9${String(random.int(10000)).padStart(4, '0')}`;
}

function placeholder(index: number): PaperIdentity {
  return {
    index,
    paperUrl: PLACEHOLDER_PAPER_URL,
    title: null,
    model: null,
    titleTask: 0,
    arxivId: null,
    version: 1,
    links: 0,
    validDate: null,
    year: 0,
    quirk: 'placeholder',
    record: {
      arxiv_id: null,
      nips_id: null,
      openreview_id: null,
      url_abs: null,
      url_pdf: null,
      proceeding: null,
      date: null,
      conference_url_abs: null,
      conference_url_pdf: null,
      conference: null,
    },
  };
}

function hexId(seed: number, index: number): string {
  let text = '';
  for (let part = 0; part < 4; part += 1) text += mix(seed, index, 0x4e, part).toString(16).padStart(8, '0');
  return text;
}

function openreviewId(seed: number, index: number): string {
  const random = randomFor(seed, index, 0x0e);
  let text = '';
  for (let i = 0; i < 10; i += 1) text += OPENREVIEW[random.int(OPENREVIEW.length)];
  return text;
}
