import { isoDate, sampleMonth } from './calendar';
import {
  DATASET_STEMS,
  DATASET_SUFFIXES,
  HUB_DATASETS,
  LANGUAGES,
  LICENSES,
  MODALITIES,
  SPAM_DATASETS,
} from './dataset-names';
import { type PaperIdentities, unknownArxivId } from './paper-identity';
import { randomFor, type Random, ZipfSampler } from './random';
import type { ArchivePlan } from './scale';
import { UniqueSlugs } from './slugs';
import { type Area, AREAS, COLLIDING_TASKS } from './task-names';
import type { TaskCatalogue } from './tasks';
import { markdownDescription } from './text';
import { ADJECTIVES, TOPICS } from './words';

export interface Dataset {
  name: string;
  fullName: string;
  slug: string;
  variants: string[];
  area: Area;
  modality: string;
  spam: boolean;
  /** Tasks this dataset must list so that every task name papers use is defined somewhere. */
  coverage: number[];
}

const NAME_STREAM = 0xda7;
const RECORD_STREAM = 0xda8;

/**
 * The datasets: names in memory (leaderboards refer to them), records generated when written.
 * Popular ones (ImageNet, COCO, ...) come first and are picked most by leaderboards.
 */
export class DatasetCatalogue {
  readonly datasets: Dataset[] = [];
  private readonly sampler: ZipfSampler;
  private readonly byArea = new Map<Area, { indices: number[]; sampler: ZipfSampler }>();

  constructor(
    plan: ArchivePlan,
    private readonly seed: number,
    private readonly tasks: TaskCatalogue,
  ) {
    const count = plan.datasets;
    this.sampler = new ZipfSampler(count, 2, 1.05);
    const slugs = new UniqueSlugs();
    const taken = new Set<string>();
    for (let index = 0; index < count; index += 1) {
      const random = randomFor(seed, NAME_STREAM, index);
      const spam = index === count - 2 || (index >= HUB_DATASETS.length && random.chance(0.0003));
      let name: string;
      let fullName: string;
      let area: Area;
      let modality: string;
      if (spam) {
        name = SPAM_DATASETS[index % SPAM_DATASETS.length];
        [fullName, area, modality] = [name, 'Miscellaneous', 'Texts'];
      } else if (index < HUB_DATASETS.length) {
        [name, fullName, area, modality] = HUB_DATASETS[index];
      } else {
        name = `${random.pick(DATASET_STEMS)}${random.pick(DATASET_SUFFIXES)}`;
        for (let n = 2; taken.has(name); n += 1) name = `${name.replace(/-v\d+$/, '')}-v${n}`;
        fullName = random.chance(0.6) ? `${random.pick(ADJECTIVES)} ${random.pick(TOPICS)} Benchmark` : name;
        area = random.pick(AREAS);
        modality = random.pick(MODALITIES);
      }
      taken.add(name);
      const variants = [name, ...(fullName !== name ? [fullName] : [])];
      if (/-/.test(name) && random.chance(0.5)) variants.push(name.replace(/-/g, ''));
      this.datasets.push({ name, fullName, slug: slugs.take(name), variants, area, modality, spam, coverage: [] });
    }
    this.assignCoverage(randomFor(seed, NAME_STREAM, -1));
    for (const area of AREAS) {
      const indices = this.datasets.flatMap((dataset, index) =>
        dataset.area === area && !dataset.spam ? [index] : [],
      );
      if (indices.length > 0) this.byArea.set(area, { indices, sampler: new ZipfSampler(indices.length, 2, 1.05) });
    }
  }

  /** A dataset for a leaderboard of a task in `area`: of that area mostly, popular ones first. */
  pick(random: Random, area: Area): Dataset {
    const ofArea = this.byArea.get(area);
    if (ofArea && random.chance(0.9)) return this.datasets[ofArea.indices[ofArea.sampler.sample(random)]];
    let candidate = this.datasets[this.sampler.sample(random)];
    while (candidate.spam) candidate = this.datasets[this.sampler.sample(random)];
    return candidate;
  }

  sampleName(random: Random): string {
    return this.datasets[this.sampler.sample(random)].name;
  }

  /** One record of datasets.json. */
  record(index: number, papers: PaperIdentities): Record<string, unknown> {
    const dataset = this.datasets[index];
    const random = randomFor(this.seed, RECORD_STREAM, index);
    if (dataset.spam) return spamRecord(dataset);
    const taskIndices = [...dataset.coverage];
    for (let n = random.between(0, 3); n > 0; n -= 1) {
      const task = this.tasks.sample(random);
      if (!taskIndices.includes(task)) taskIndices.push(task);
    }
    const source = random.next();
    let paper: { title: string; url: string } | null = null;
    let introduced: string | null = random.chance(0.85) ? isoDate(sampleMonth(random), 1 + random.int(28)) : null;
    if (source < 0.55) {
      const identity = papers.get(random.int(papers.count));
      if (identity.title) {
        paper = { title: identity.title, url: identity.paperUrl };
        introduced = identity.validDate;
      }
    } else if (source < 0.7) {
      paper = { title: `The ${dataset.fullName} dataset`, url: `https://arxiv.org/abs/${unknownArxivId(random)}` };
    }
    const [licenseName, licenseUrl] = random.chance(0.6) ? random.pick(LICENSES) : [null, null];
    const description = markdownDescription(random, dataset.name, random.between(2, 7));
    const homepage = random.next();
    return {
      url: `https://paperswithcode.com/dataset/${dataset.slug}`,
      name: dataset.name,
      full_name: dataset.fullName,
      homepage: homepage < 0.7 ? `https://${dataset.slug}.github.io/` : homepage < 0.9 ? null : '',
      description,
      short_description: random.chance(0.8) ? description.split(/(?<=\.)\s/)[0] : null,
      parent_dataset: index > 0 && random.chance(0.03) ? this.datasets[random.int(index)].name : null,
      paper,
      introduced_date: introduced,
      license_name: licenseName,
      license_url: licenseUrl,
      modalities: random.chance(0.2)
        ? [dataset.modality, random.pick(MODALITIES)].filter((m, i, all) => all.indexOf(m) === i)
        : [dataset.modality],
      tasks: taskIndices.map((task) => ({
        task: this.tasks.tasks[task].name,
        url: `https://paperswithcode.com/task/${this.tasks.tasks[task].id}`,
      })),
      languages:
        dataset.modality === 'Texts' && random.chance(0.6)
          ? [random.pick(LANGUAGES), ...(random.chance(0.2) ? [random.pick(LANGUAGES)] : [])]
          : [],
      variants: dataset.variants,
      num_papers: Math.round(this.sampler.probability(index) * papers.count * 0.6 * (0.5 + random.next())),
      data_loaders: random.chance(0.3)
        ? [
            {
              url: `https://huggingface.co/datasets/${dataset.slug}`,
              repo: 'https://github.com/huggingface/datasets',
              frameworks: ['pytorch', 'tf', 'jax'],
            },
          ]
        : [],
    };
  }

  /**
   * Spreads the tasks outside the evaluation tree over the datasets, and gives the colliding task
   * names (text-to-image-generation / text-to-image-generation-1, ...) to a dataset each.
   */
  private assignCoverage(random: Random): void {
    const usable = this.datasets.filter((dataset) => !dataset.spam);
    const spread = random.shuffle([...this.tasks.datasetOnly]);
    spread.forEach((task, position) => usable[position % usable.length].coverage.push(task));
    COLLIDING_TASKS.forEach(([first, second, area], position) => {
      const dataset = usable.find((d, i) => i >= 4 && d.area === area) ?? usable[(4 + position) % usable.length];
      for (const name of [first, second]) {
        const task = this.tasks.index(name);
        if (!dataset.coverage.includes(task)) dataset.coverage.push(task);
      }
    });
  }
}

function spamRecord(dataset: Dataset): Record<string, unknown> {
  return {
    url: `https://paperswithcode.com/dataset/${dataset.slug}`,
    name: dataset.name,
    full_name: dataset.fullName,
    homepage: 'http://cheap-essays.example.com/?ref=pwc',
    description: `${dataset.name}!!! Visit http://cheap-essays.example.com and http://casino.example.net now.`,
    short_description: '',
    parent_dataset: null,
    paper: null,
    introduced_date: null,
    license_name: null,
    license_url: null,
    modalities: [],
    tasks: [],
    languages: [],
    variants: [dataset.name],
    num_papers: 0,
    data_loaders: [],
  };
}
