import { isoDate, monthOf } from './calendar';
import { paperCodeLinks } from './links';
import { formatValue, type Metric, METRICS, type ValueStyle } from './metrics';
import { LAST_NAMES } from './names';
import { type PaperIdentities, type PaperIdentity, unknownArxivId } from './paper-identity';
import type { Random } from './random';
import { acronym, modelVariant } from './text';

export interface LeaderboardSpec {
  /** "dataset" for a task's datasets, "subdataset" for the nested ones. */
  key: 'dataset' | 'subdataset';
  name: string;
  metrics: string[];
  rows: number;
  empty?: boolean;
  /** Values to put in given cells (row 1, 2, ... of a metric's column), so every quirk occurs. */
  forced?: Record<string, (string | boolean)[]>;
  duplicates?: boolean;
}

export interface LeaderboardCounts {
  leaderboards: number;
  rows: number;
  metricValues: number;
}

type Row = Record<string, unknown> & { metrics: Record<string, string | boolean> };

interface Draft {
  row: Row;
  date: string;
  quality: number;
}

/** A dataset entry of evaluation-tables.json with its sota table, rows ordered as the site showed them. */
export function leaderboard(
  random: Random,
  papers: PaperIdentities,
  seed: number,
  spec: LeaderboardSpec,
  subdatasets: Record<string, unknown>[],
  counts: LeaderboardCounts,
): Record<string, unknown> {
  counts.leaderboards += 1;
  const metrics = spec.empty ? [] : spec.metrics.map((name) => METRICS[name]);
  const style: ValueStyle = { percentSign: random.chance(0.04), deviation: random.chance(0.02) };
  const ranges = metrics.map((metric) => ({ metric, from: random.next() * 0.4, to: 0.6 + random.next() * 0.4 }));

  const drafts: Draft[] = [];
  for (let i = 0; i < (spec.empty ? 0 : spec.rows); i += 1) drafts.push(draftRow(random, papers, seed));
  drafts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  // Over time the best result improves in steps; most results land below the best of their day.
  drafts.forEach((draft, position) => {
    const trend = Math.pow((position + 1) / drafts.length, 0.7);
    draft.quality = trend * (random.chance(0.35) ? 1 : 1 - random.next() * 0.35);
    for (const { metric, from, to } of ranges) {
      const quality = Math.min(1, Math.max(0, draft.quality + (random.next() - 0.5) * 0.04));
      draft.row.metrics[metric.name] = formatValue(
        random,
        metric,
        valueAt(metric, from + (to - from) * quality),
        style,
      );
    }
  });
  if (random.chance(0.8)) drafts.sort((a, b) => b.quality - a.quality);
  const rows = drafts.map((draft) => draft.row);

  for (const [name, values] of Object.entries(spec.forced ?? {})) {
    values.forEach((value, position) => {
      if (rows.length > position + 1) rows[position + 1].metrics[name] = value;
    });
  }
  if (rows.length > 1 && (spec.duplicates || random.chance(0.04))) {
    const copy = rows[random.int(rows.length)];
    rows.push(structuredClone(copy));
  }
  if (rows.length > 1 && (spec.duplicates || random.chance(0.03))) {
    // Same model and paper, other numbers: a conflicting duplicate.
    const copy = structuredClone(rows[random.int(rows.length)]);
    for (const metric of metrics) {
      if (metric.kind !== 'text' && metric.kind !== 'flag') {
        copy.metrics[metric.name] = formatValue(random, metric, valueAt(metric, random.next()), style);
      }
    }
    rows.push(copy);
  }
  counts.rows += rows.length;
  for (const row of rows) counts.metricValues += Object.keys(row.metrics).length;

  return {
    [spec.key]: spec.name,
    description: random.chance(0.6)
      ? ''
      : `${spec.name} is a benchmark for the task; results are on the official test split.`,
    dataset_links: random.chance(0.8)
      ? []
      : [
          {
            title: `${spec.name} homepage`,
            url: `https://${spec.name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.org/`,
          },
        ],
    dataset_citations: random.chance(0.85)
      ? []
      : [
          random.chance(0.3)
            ? { title: '', url: '' }
            : { title: `${spec.name} paper`, url: `https://arxiv.org/abs/${unknownArxivId(random)}` },
        ],
    subdatasets,
    sota: { metrics: metrics.map((metric) => metric.name), rows },
  };
}

/** The value of a metric at a quality in [0, 1] (1 = best), in the metric's own direction and scale. */
function valueAt(metric: Metric, quality: number): number {
  const position = metric.lowerIsBetter ? 1 - quality : quality;
  if (metric.kind === 'count')
    return Math.exp(Math.log(metric.low) + (Math.log(metric.high) - Math.log(metric.low)) * position);
  return metric.low + (metric.high - metric.low) * position;
}

function draftRow(random: Random, papers: PaperIdentities, seed: number): Draft {
  const paper = random.chance(0.85) ? papers.get(random.int(papers.count)) : null;
  if (paper?.title) return matchedRow(random, paper, seed);
  const year = random.between(2012, 2025);
  const date = isoDate(
    monthOf(year, year === 2025 ? random.between(1, 7) : random.between(1, 12)),
    random.between(1, 28),
  );
  const roll = random.next();
  const model = acronym(random);
  const [title, url] =
    roll < 0.4
      ? ['', '']
      : roll < 0.7
        ? [`${model}: an unpublished approach`, `https://arxiv.org/abs/${unknownArxivId(random)}`]
        : [`${model} technical report`, `http://${model.toLowerCase()}.example.org/report.pdf`];
  return {
    row: row(random, modelVariant(random, model), title, url, random.chance(0.6) ? date : null, []),
    date,
    quality: 0,
  };
}

function matchedRow(random: Random, paper: PaperIdentity, seed: number): Draft {
  const title = paper.title ?? '';
  let url = '';
  const roll = random.next();
  if (paper.arxivId) {
    if (roll < 0.7) url = `https://arxiv.org/abs/${paper.arxivId}v${paper.version}`;
    else if (roll < 0.82) url = `https://arxiv.org/abs/${paper.arxivId}`;
    else if (roll < 0.88) url = `http://arxiv.org/abs/${paper.arxivId}v${random.between(1, paper.version)}`;
    else if (roll < 0.96) url = `https://arxiv.org/pdf/${paper.arxivId}v${paper.version}.pdf`;
    else if (roll < 0.97) url = paper.paperUrl.replace('https://paperswithcode.com', '');
  } else if (roll < 0.6) {
    url = paper.record.url_abs ?? '';
  }
  const titleRoll = random.next();
  const shownTitle =
    titleRoll < 0.88 || !url
      ? title
      : titleRoll < 0.93
        ? ''
        : titleRoll < 0.97
          ? url
          : `${random.pick(LAST_NAMES)}, ${random.pick(LAST_NAMES)}, et al. ${paper.year}`;
  const codeLinks = random.chance(0.6)
    ? paperCodeLinks(seed, paper)
        .slice(0, 1)
        .map((link) => ({ title: link.repoUrl.split('/').slice(-2).join('/'), url: link.repoUrl }))
    : [];
  const date = paper.validDate ?? isoDate(monthOf(Math.max(2012, Math.min(2025, paper.year || 2020)), 1), 1);
  const model = modelVariant(random, paper.model ?? acronym(random));
  return {
    row: row(random, model, shownTitle, url, random.chance(0.8) ? paper.validDate : null, codeLinks),
    date,
    quality: 0,
  };
}

function row(
  random: Random,
  modelName: string,
  paperTitle: string,
  paperUrl: string,
  paperDate: string | null,
  codeLinks: { title: string; url: string }[],
): Row {
  const result: Row = {
    model_name: modelName,
    paper_title: paperTitle,
    paper_url: paperUrl,
    paper_date: paperDate,
    code_links: codeLinks,
    model_links: random.chance(0.05)
      ? [
          {
            title: 'Model',
            url: `https://huggingface.co/models/${modelName.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`,
          },
        ]
      : [],
    metrics: {},
  };
  if (random.chance(0.9)) result.uses_additional_data = random.chance(0.15);
  return result;
}
