import type { DatasetCatalogue } from './datasets';
import { leaderboard, type LeaderboardCounts, type LeaderboardSpec } from './leaderboards';
import { BOM, METRIC_SETS } from './metrics';
import type { PaperIdentities } from './paper-identity';
import { randomFor, type Random, ZipfSampler } from './random';
import type { ArchivePlan } from './scale';
import { AREAS, JUNK_TASK } from './task-names';
import type { TaskCatalogue } from './tasks';
import { markdownDescription } from './text';

const ALLOCATION_STREAM = 0xe1;
const TASK_STREAM = 0xe2;
const LEADERBOARD_STREAM = 0xe3;
const SUBDATASET_NAMES = [
  'val',
  'test-dev',
  'test-std',
  '1-shot',
  '5-shot',
  'Medical partition',
  'hard',
  'zero-shot',
  'low-resource',
];

/**
 * Leaderboards every archive has, whatever its size: together they hold every quirk of metric
 * values (percent signs, ±, "220k"/"3.0m", decimal commas, "-", "", "N/A", a BOM, "(32.76 32.07)"),
 * lower-is-better metrics, a non-numeric column, booleans, duplicate and conflicting rows, a subdataset.
 */
const SHOWCASE: { task: string; spec: LeaderboardSpec; sub?: LeaderboardSpec }[] = [
  {
    task: 'Image Classification',
    spec: {
      key: 'dataset',
      name: 'ImageNet',
      metrics: ['Top 1 Accuracy', 'Top 5 Accuracy', 'Params', 'Backbone'],
      rows: 12,
      forced: {
        'Top 1 Accuracy': ['85.1%', '1,5', '-', 'N/A', `${BOM}84.20`, '(32.76 32.07)', ''],
        Params: ['220k', '3.0m'],
      },
      duplicates: true,
    },
  },
  { task: 'Image Classification', spec: { key: 'dataset', name: 'CIFAR-10', metrics: ['Error'], rows: 8 } },
  {
    task: 'Image Generation',
    spec: {
      key: 'dataset',
      name: 'CIFAR-10',
      metrics: ['FID', 'Inception score', 'Precision'],
      rows: 8,
      forced: { Precision: ['0.8428 ± 0.0014'] },
    },
  },
  {
    task: 'Language Modelling',
    spec: { key: 'dataset', name: 'WikiText-103', metrics: ['Perplexity', 'Params', 'Extra Training Data'], rows: 8 },
  },
  {
    task: 'Question Answering',
    spec: { key: 'dataset', name: 'SQuAD1.1', metrics: ['EM', 'F1'], rows: 8 },
    sub: { key: 'subdataset', name: 'SQuAD1.1 dev', metrics: ['EM', 'F1'], rows: 5 },
  },
];

/**
 * evaluation-tables.json: one record per root task, each with its subtasks (recursive) and
 * leaderboards. Leaderboards are spread over the tree by task popularity.
 */
export class EvaluationTables {
  private readonly leaderboardsPerTask = new Map<number, number>();
  /** What the records built so far hold (each root is built once, when written). */
  readonly counts: LeaderboardCounts & { tasks: number } = { tasks: 0, leaderboards: 0, rows: 0, metricValues: 0 };

  constructor(
    plan: ArchivePlan,
    private readonly seed: number,
    private readonly tasks: TaskCatalogue,
    private readonly datasets: DatasetCatalogue,
    private readonly papers: PaperIdentities,
  ) {
    const nodes = tasks.tasks.map((_, index) => index).filter((index) => tasks.tasks[index].inEvaluation);
    const showcase = SHOWCASE.reduce((total, entry) => total + (entry.sub ? 2 : 1), 0);
    const random = randomFor(seed, ALLOCATION_STREAM);
    const sampler = new ZipfSampler(nodes.length, 5, 1);
    for (let n = Math.max(0, plan.leaderboards - showcase); n > 0; n -= 1) {
      const node = nodes[sampler.sample(random)];
      this.leaderboardsPerTask.set(node, (this.leaderboardsPerTask.get(node) ?? 0) + 1);
    }
  }

  get roots(): readonly number[] {
    return this.tasks.roots;
  }

  /** The record of one root task, with everything under it. */
  record(root: number): Record<string, unknown> {
    return this.node(root, true);
  }

  private node(index: number, root: boolean): Record<string, unknown> {
    this.counts.tasks += 1;
    const task = this.tasks.tasks[index];
    const random = randomFor(this.seed, TASK_STREAM, index);
    const categoryRoll = random.next();
    const categories =
      !root && categoryRoll < 0.5
        ? []
        : categoryRoll < 0.7
          ? [task.area]
          : categoryRoll < 0.8
            ? [task.area, random.pick(AREAS)]
            : [];
    const description =
      task.name === JUNK_TASK || random.chance(0.4) ? '' : markdownDescription(random, task.name, random.between(1, 4));
    const sourceLink = random.chance(0.1)
      ? { title: `${task.name} Leaderboard`, url: `https://${task.id}.github.io/leaderboard/` }
      : null;
    const subtasks = this.tasks.children[index].map((child) => this.node(child, false));
    return {
      task: task.name,
      description,
      categories: [...new Set(categories)],
      synonyms: random.chance(0.9) ? [] : [`${task.name} (${task.area})`],
      source_link: sourceLink,
      subtasks,
      datasets: this.datasetsOf(index),
    };
  }

  private datasetsOf(index: number): Record<string, unknown>[] {
    const task = this.tasks.tasks[index];
    const entries: Record<string, unknown>[] = [];
    const names = new Set<string>();
    for (const [position, { task: showcaseTask, spec, sub }] of SHOWCASE.entries()) {
      if (task.name === showcaseTask) {
        const random = randomFor(this.seed, LEADERBOARD_STREAM, index, -1 - position);
        const nested = sub
          ? [this.leaderboard(random, { ...sub, rows: Math.max(sub.rows, rowCount(random)) }, [])]
          : [];
        entries.push(this.leaderboard(random, { ...spec, rows: Math.max(spec.rows, rowCount(random)) }, nested));
        names.add(spec.name);
      }
    }
    const count = this.leaderboardsPerTask.get(index) ?? 0;
    for (let k = 0; k < count; k += 1) {
      const random = randomFor(this.seed, LEADERBOARD_STREAM, index, k);
      const sets = METRIC_SETS[task.area];
      let metrics = random.pick(sets);
      if (random.chance(0.4)) metrics = metrics.slice(0, random.between(1, metrics.length));
      if (task.area === 'Computer Vision' && random.chance(0.03)) metrics = [...metrics, 'Backbone'];
      if (random.chance(0.01)) metrics = [...metrics, 'Extra Training Data'];
      const parent = entries.length > 0 && random.chance(0.08) ? entries[entries.length - 1] : null;
      if (parent) {
        const name = `${String(parent.dataset)} (${random.pick(SUBDATASET_NAMES)})`;
        const spec: LeaderboardSpec = { key: 'subdataset', name, metrics, rows: rowCount(random) };
        (parent.subdatasets as Record<string, unknown>[]).push(this.leaderboard(random, spec, []));
        continue;
      }
      const name = this.datasetName(random, task.area, names);
      names.add(name);
      entries.push(
        this.leaderboard(
          random,
          { key: 'dataset', name, metrics, rows: rowCount(random), empty: random.chance(0.05) },
          [],
        ),
      );
    }
    return entries;
  }

  private leaderboard(
    random: Random,
    spec: LeaderboardSpec,
    subdatasets: Record<string, unknown>[],
  ): Record<string, unknown> {
    return leaderboard(random, this.papers, this.seed, spec, subdatasets, this.counts);
  }

  /** Mostly a dataset's name; sometimes its full name, another alias, or a name the datasets file lacks. */
  private datasetName(random: Random, area: (typeof AREAS)[number], taken: Set<string>): string {
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const dataset = this.datasets.pick(random, area);
      const roll = random.next();
      const name =
        roll < 0.85
          ? dataset.name
          : roll < 0.9
            ? dataset.fullName
            : roll < 0.95
              ? random.pick(dataset.variants)
              : `${dataset.name} (${random.pick(['2019', 'v2', 'test', 'hard split'])})`;
      if (!taken.has(name)) return name;
    }
    return `${this.datasets.sampleName(random)} (${taken.size})`;
  }
}

/** Rows of a leaderboard: median 9, mean about 15, a few hundred at most. */
function rowCount(random: Random): number {
  return random.logNormalInt(2.2, 1.0, 1, 600);
}
