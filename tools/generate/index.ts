import { mkdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { AuthorNames } from './authors';
import { DatasetCatalogue } from './datasets';
import { EvaluationTables } from './evaluation-tables';
import { GzipJsonArrayWriter } from './json-array-writer';
import { linkRecord, paperCodeLinks } from './links';
import { MethodCatalogue } from './methods';
import { PaperIdentities } from './paper-identity';
import { paperJson, type PaperSources } from './papers';
import { planArchive } from './scale';
import { TaskCatalogue } from './tasks';

export { FULL_ARCHIVE, planArchive, type ArchivePlan } from './scale';

export const GENERATED_FILES = {
  papers: 'papers-with-abstracts.json.gz',
  links: 'links-between-papers-and-code.json.gz',
  evaluationTables: 'evaluation-tables.json.gz',
  methods: 'methods.json.gz',
  datasets: 'datasets.json.gz',
} as const;

export const DEFAULT_SEED = 1;

export interface GenerateArchiveOptions {
  /** Number of paper records (576,261 for the size of the real dump); every other count scales with it. */
  papers: number;
  /** Folder to write the five files into; created if missing, files in it overwritten. */
  out: string;
  /** Same seed and size, byte-identical files. Default 1. */
  seed?: number;
  /** Called every few thousand records of a file and once at its end. */
  onProgress?: (file: string, written: number, total: number) => void;
  /** zlib level, 1 (fast) to 9 (small); zlib's default (6) when absent. */
  gzipLevel?: number;
}

export interface GeneratedFile {
  /** Absolute path of the written file. */
  path: string;
  records: number;
  /** Size on disk (gzipped). */
  bytes: number;
}

export interface GeneratedArchiveSummary {
  out: string;
  seed: number;
  papers: number;
  files: {
    papers: GeneratedFile & {
      /** Sum of the lengths of `authors` arrays. */
      authorships: number;
      distinctAuthors: number;
      /** Sum of the lengths of `tasks` arrays. */
      paperTasks: number;
    };
    links: GeneratedFile & { papersWithCode: number };
    evaluationTables: GeneratedFile & {
      /** Task objects at any depth (records are the root tasks). */
      tasks: number;
      /** Entries of `datasets` and `subdatasets` at any depth, empty ones included. */
      leaderboards: number;
      rows: number;
      /** Keys of the rows' `metrics` objects. */
      metricValues: number;
    };
    methods: GeneratedFile;
    datasets: GeneratedFile;
  };
}

const PROGRESS_EVERY = 5_000;
// Methods embedded per paper on average (40 % of papers, about 3 each): scales num_papers.
const EMBEDDINGS_PER_PAPER = 1.3;

/**
 * Writes a synthetic Papers With Code archive of the real format and proportions (scaled to
 * `papers`), with the real dump's quirks, into `out`. Deterministic; bounded memory at any size.
 */
export async function generateArchive(options: GenerateArchiveOptions): Promise<GeneratedArchiveSummary> {
  const { papers: count, onProgress } = options;
  const seed = options.seed ?? DEFAULT_SEED;
  if (!Number.isSafeInteger(count) || count < 1)
    throw new RangeError(`papers must be a positive integer, not ${count}`);
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError(`seed must be a non-negative integer, not ${seed}`);
  const out = path.resolve(options.out);
  await mkdir(out, { recursive: true });

  const plan = planArchive(count);
  const tasks = TaskCatalogue.build(plan, seed);
  const authors = new AuthorNames(plan.authorSpace, plan.authorHead, seed);
  const papers = new PaperIdentities(count, seed, tasks);
  const methods = new MethodCatalogue(plan.methods, seed, papers, EMBEDDINGS_PER_PAPER);
  const datasets = new DatasetCatalogue(plan, seed, tasks);
  const evaluation = new EvaluationTables(plan, seed, tasks, datasets, papers);
  const sources: PaperSources = { seed, tasks, authors, papers, methods, datasets };

  const write = async (name: string, total: number, each: (writer: GzipJsonArrayWriter) => Promise<void>) => {
    const file = path.join(out, name);
    const writer = new GzipJsonArrayWriter(file, options.gzipLevel);
    const report = () => onProgress?.(name, writer.written, total);
    try {
      await each(writer);
      await writer.close();
    } catch (error) {
      writer.destroy();
      throw error;
    }
    report();
    return { path: file, records: writer.written, bytes: (await stat(file)).size };
  };
  const every = (writer: GzipJsonArrayWriter, name: string, total: number) => {
    if (writer.written % PROGRESS_EVERY === 0) onProgress?.(name, writer.written, total);
  };

  let authorships = 0;
  let paperTasks = 0;
  let anonymous = false;
  const usedAuthors = new Uint8Array(plan.authorSpace);
  const papersFile = await write(GENERATED_FILES.papers, count, async (writer) => {
    for (let index = 0; index < count; index += 1) {
      const paper = paperJson(sources, papers.get(index));
      await writer.writeJson(paper.json);
      authorships += paper.anonymous ? 1 : paper.authorRanks.length;
      paperTasks += paper.tasks;
      anonymous ||= paper.anonymous;
      for (const rank of paper.authorRanks) usedAuthors[rank] = 1;
      every(writer, GENERATED_FILES.papers, count);
    }
  });
  const distinctAuthors = usedAuthors.reduce((total, used) => total + used, 0) + (anonymous ? 1 : 0);

  let papersWithCode = 0;
  const linksFile = await write(GENERATED_FILES.links, papers.totalLinks, async (writer) => {
    for (let index = 0; index < count; index += 1) {
      if (papers.linkCounts[index] === 0) continue;
      const paper = papers.get(index);
      const links = paperCodeLinks(seed, paper);
      if (links.length > 0) papersWithCode += 1;
      for (const link of links) {
        await writer.write(linkRecord(paper, link));
        every(writer, GENERATED_FILES.links, papers.totalLinks);
      }
    }
  });

  const evaluationFile = await write(GENERATED_FILES.evaluationTables, evaluation.roots.length, async (writer) => {
    for (const root of evaluation.roots) {
      await writer.write(evaluation.record(root));
      onProgress?.(GENERATED_FILES.evaluationTables, writer.written, evaluation.roots.length);
    }
  });

  const methodsFile = await write(GENERATED_FILES.methods, methods.methods.length, async (writer) => {
    for (const method of methods.methods) {
      await writer.write(method.record);
      every(writer, GENERATED_FILES.methods, methods.methods.length);
    }
  });

  const datasetsFile = await write(GENERATED_FILES.datasets, datasets.datasets.length, async (writer) => {
    for (let index = 0; index < datasets.datasets.length; index += 1) {
      await writer.write(datasets.record(index, papers));
      every(writer, GENERATED_FILES.datasets, datasets.datasets.length);
    }
  });

  return {
    out,
    seed,
    papers: count,
    files: {
      papers: { ...papersFile, authorships, distinctAuthors, paperTasks },
      links: { ...linksFile, papersWithCode },
      evaluationTables: { ...evaluationFile, ...evaluation.counts },
      methods: methodsFile,
      datasets: datasetsFile,
    },
  };
}
