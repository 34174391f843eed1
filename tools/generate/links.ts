import { slugify } from '../../src/model/slug';
import { CODE_OWNERS, FIRST_NAMES, FRAMEWORK_WEIGHTS, FRAMEWORKS, LAST_NAMES, SHARED_REPOSITORIES } from './names';
import type { PaperIdentity } from './paper-identity';
import { randomFor, type Random } from './random';

const LINK_STREAM = 0x11c;

export interface CodeLink {
  repoUrl: string;
  isOfficial: boolean;
  mentionedInPaper: boolean;
  mentionedInGithub: boolean;
  framework: string;
}

export function linkStream(seed: number, index: number): Random {
  return randomFor(seed, LINK_STREAM, index);
}

/** Repositories of one paper: a third of papers have code, some several repositories (0.52 a paper). */
export function drawLinkCount(random: Random): number {
  return random.chance(0.33) ? 1 + Math.min(29, random.geometric(0.633)) : 0;
}

/** The repositories of a paper, the same whichever file asks (links, leaderboard rows' code_links). */
export function paperCodeLinks(seed: number, paper: PaperIdentity): CodeLink[] {
  if (paper.title === null) return [];
  const random = linkStream(seed, paper.index);
  // The count was drawn (and maybe raised) by the identities' pass: draw it again only to stay in step.
  drawLinkCount(random);
  const count = paper.links;
  const links: CodeLink[] = [];
  const seen = new Set<string>();
  const name = (paper.model ?? paper.title.split(/\s+/).slice(0, 3).join(' ')).toLowerCase();
  while (links.length < count) {
    const official = links.length === 0 ? random.chance(0.55) : random.chance(0.12);
    let repoUrl = repository(random, name, official);
    if (seen.has(repoUrl)) repoUrl += `-${links.length}`;
    seen.add(repoUrl);
    links.push({
      repoUrl,
      isOfficial: official,
      mentionedInPaper: official ? random.chance(0.85) : random.chance(0.08),
      mentionedInGithub: random.chance(official ? 0.6 : 0.3),
      framework: FRAMEWORKS[random.weighted(FRAMEWORK_WEIGHTS)],
    });
  }
  return links;
}

function repository(random: Random, name: string, official: boolean): string {
  if (!official && random.chance(0.12)) return random.pick(SHARED_REPOSITORIES);
  const owner = random.chance(0.35)
    ? random.pick(CODE_OWNERS)
    : slugify(`${random.pick(FIRST_NAMES).charAt(0)}${random.pick(LAST_NAMES)}`).replace(/-/g, '') +
      (random.chance(0.3) ? String(random.int(100)) : '');
  const repo = slugify(name) + (official ? '' : random.pick(['', '-pytorch', '-tf', '-reimpl', '-unofficial', '-jax']));
  const host = random.chance(0.97) ? 'https://github.com' : random.pick(['https://gitlab.com', 'http://github.com']);
  return `${host}/${owner}/${repo || 'code'}`;
}

/** One record of links-between-papers-and-code.json. */
export function linkRecord(paper: PaperIdentity, link: CodeLink): Record<string, unknown> {
  return {
    paper_url: paper.paperUrl,
    paper_title: paper.title,
    paper_arxiv_id: paper.record.arxiv_id,
    paper_url_abs: paper.record.url_abs,
    paper_url_pdf: paper.record.url_pdf,
    repo_url: link.repoUrl,
    is_official: link.isOfficial,
    mentioned_in_paper: link.mentionedInPaper,
    mentioned_in_github: link.mentionedInGithub,
    framework: link.framework,
  };
}
