import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { readJsonArray } from '../../src/archive/json-array';
import { generateArchive, GENERATED_FILES, type GeneratedArchiveSummary } from './index';

interface Paper {
  paper_url: string;
  arxiv_id: string | null;
  title: string | null;
  abstract: string | null;
  url_abs: string | null;
  authors: string[];
  tasks: string[];
  date: string | null;
  methods: Record<string, unknown>[];
}
interface Link {
  paper_url: string;
  framework: string;
}
interface Row {
  model_name: string;
  paper_title: string;
  paper_url: string;
  paper_date: string | null;
  metrics: Record<string, string | boolean>;
}
interface Entry {
  dataset?: string;
  subdatasets: Entry[];
  sota: { metrics: string[]; rows: Row[] };
}
interface Task {
  task: string;
  subtasks: Task[];
  datasets: Entry[];
}
interface Method {
  url: string;
  name: string;
  description: string;
  introduced_year: number | null;
}
interface Dataset {
  url: string;
  tasks: { task: string; url: string }[];
}

const PAPERS = 300;
const PAPER_FIELDS = [
  'paper_url',
  'arxiv_id',
  'nips_id',
  'openreview_id',
  'title',
  'abstract',
  'short_abstract',
  'url_abs',
  'url_pdf',
  'proceeding',
  'authors',
  'tasks',
  'date',
  'conference_url_abs',
  'conference_url_pdf',
  'conference',
  'reproduces_paper',
  'methods',
];
const LINK_FIELDS = [
  'paper_url',
  'paper_title',
  'paper_arxiv_id',
  'paper_url_abs',
  'paper_url_pdf',
  'repo_url',
  'is_official',
  'mentioned_in_paper',
  'mentioned_in_github',
  'framework',
];
const TASK_FIELDS = ['task', 'description', 'categories', 'synonyms', 'source_link', 'subtasks', 'datasets'];
const METHOD_FIELDS = [
  'url',
  'name',
  'full_name',
  'description',
  'paper',
  'introduced_year',
  'source_url',
  'source_title',
  'code_snippet_url',
  'num_papers',
  'collections',
];
const EMBEDDED_METHOD_FIELDS = [
  'name',
  'full_name',
  'description',
  'introduced_year',
  'source_url',
  'source_title',
  'code_snippet_url',
  'main_collection',
];
const DATASET_FIELDS = [
  'url',
  'name',
  'full_name',
  'homepage',
  'description',
  'short_description',
  'parent_dataset',
  'paper',
  'introduced_date',
  'license_name',
  'license_url',
  'modalities',
  'tasks',
  'languages',
  'variants',
  'num_papers',
  'data_loaders',
];
const DATASET_ENTRY_FIELDS = ['description', 'dataset_links', 'dataset_citations', 'subdatasets', 'sota'];
const ROW_FIELDS = ['model_name', 'paper_title', 'paper_url', 'paper_date', 'code_links', 'model_links', 'metrics'];

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pwc-generate-'));
  dirs.push(dir);
  return dir;
};
const read = <T>(dir: string, file: string) =>
  JSON.parse(gunzipSync(readFileSync(path.join(dir, file))).toString('utf8')) as T[];
const hashes = (dir: string) =>
  Object.values(GENERATED_FILES).map((file) =>
    createHash('sha256')
      .update(readFileSync(path.join(dir, file)))
      .digest('hex'),
  );
const tally = (names: string[]) => {
  const counts = new Map<string, number>();
  for (const name of names) counts.set(name, (counts.get(name) ?? 0) + 1);
  return [...counts.values()];
};

/** Every task object and every dataset/subdataset entry, at any depth. */
function walk(roots: Task[]): { tasks: Task[]; entries: Entry[] } {
  const tasks: Task[] = [];
  const entries: Entry[] = [];
  const collect = (list: Entry[]) => {
    for (const entry of list) {
      entries.push(entry);
      collect(entry.subdatasets);
    }
  };
  const visit = (task: Task) => {
    tasks.push(task);
    collect(task.datasets);
    task.subtasks.forEach(visit);
  };
  roots.forEach(visit);
  return { tasks, entries };
}

describe('generateArchive', () => {
  let dir: string;
  let summary: GeneratedArchiveSummary;
  let papers: Paper[];
  let links: Link[];
  let evaluation: Task[];
  let methods: Method[];
  let datasets: Dataset[];
  let rows: Row[];
  const progress: [string, number, number][] = [];

  beforeAll(async () => {
    dir = tempDir();
    summary = await generateArchive({
      papers: PAPERS,
      out: dir,
      seed: 7,
      onProgress: (...call) => progress.push(call),
    });
    papers = read<Paper>(dir, GENERATED_FILES.papers);
    links = read<Link>(dir, GENERATED_FILES.links);
    evaluation = read<Task>(dir, GENERATED_FILES.evaluationTables);
    methods = read<Method>(dir, GENERATED_FILES.methods);
    datasets = read<Dataset>(dir, GENERATED_FILES.datasets);
    rows = walk(evaluation).entries.flatMap((entry) => entry.sota.rows);
  });

  afterAll(() => {
    for (const folder of dirs) rmSync(folder, { recursive: true, force: true });
  });

  it('writes five gzipped JSON arrays of records with the real field names', () => {
    expect(papers).toHaveLength(PAPERS);
    for (const paper of papers) expect(Object.keys(paper)).toEqual(PAPER_FIELDS);
    for (const link of links) expect(Object.keys(link)).toEqual(LINK_FIELDS);
    for (const method of methods) expect(Object.keys(method)).toEqual(METHOD_FIELDS);
    for (const dataset of datasets) expect(Object.keys(dataset)).toEqual(DATASET_FIELDS);
    const { tasks, entries } = walk(evaluation);
    for (const task of tasks) expect(Object.keys(task)).toEqual(TASK_FIELDS);
    for (const entry of entries) {
      const key = 'dataset' in entry ? 'dataset' : 'subdataset';
      expect(Object.keys(entry)).toEqual([key, ...DATASET_ENTRY_FIELDS]);
    }
    for (const row of rows) expect(Object.keys(row).slice(0, ROW_FIELDS.length)).toEqual(ROW_FIELDS);
    const embedded = papers.flatMap((paper) => paper.methods);
    expect(embedded.length).toBeGreaterThan(0);
    for (const method of embedded) expect(Object.keys(method)).toEqual(EMBEDDED_METHOD_FIELDS);
    for (const array of [links, evaluation, methods, datasets]) expect(array.length).toBeGreaterThan(0);
  });

  it('is read by the importer’s streaming reader', async () => {
    let records = 0;
    for await (const { value } of readJsonArray(path.join(dir, GENERATED_FILES.papers))) {
      expect(value).toEqual(papers[records]);
      records += 1;
    }
    expect(records).toBe(PAPERS);
  });

  it('returns counts that match the files', () => {
    const { files } = summary;
    expect(files.papers.records).toBe(papers.length);
    expect(files.papers.authorships).toBe(papers.reduce((total, paper) => total + paper.authors.length, 0));
    expect(files.papers.paperTasks).toBe(papers.reduce((total, paper) => total + paper.tasks.length, 0));
    expect(files.papers.distinctAuthors).toBe(new Set(papers.flatMap((paper) => paper.authors)).size);
    expect(files.links.records).toBe(links.length);
    expect(files.links.papersWithCode).toBe(new Set(links.map((link) => link.paper_url)).size);
    const { tasks, entries } = walk(evaluation);
    expect(files.evaluationTables).toMatchObject({
      records: evaluation.length,
      tasks: tasks.length,
      leaderboards: entries.length,
      rows: rows.length,
      metricValues: rows.reduce((total, row) => total + Object.keys(row.metrics).length, 0),
    });
    expect(files.methods.records).toBe(methods.length);
    expect(files.datasets.records).toBe(datasets.length);
    expect(files.papers.path).toBe(path.join(dir, GENERATED_FILES.papers));
    expect(files.papers.bytes).toBe(readFileSync(files.papers.path).length);
    expect(progress).toContainEqual([GENERATED_FILES.papers, PAPERS, PAPERS]);
    expect(progress).toContainEqual([GENERATED_FILES.datasets, datasets.length, datasets.length]);
  });

  it('is deterministic: the same seed gives the same bytes, another seed other bytes', async () => {
    const again = tempDir();
    const other = tempDir();
    await generateArchive({ papers: PAPERS, out: again, seed: 7 });
    await generateArchive({ papers: PAPERS, out: other, seed: 8 });
    const first = hashes(dir);
    expect(hashes(again)).toEqual(first);
    expect(hashes(other).filter((hash, index) => hash !== first[index])).toHaveLength(5);
  });

  it('keeps the real proportions', () => {
    const authorsPerPaper = summary.files.papers.authorships / PAPERS;
    const tasksPerPaper = summary.files.papers.paperTasks / PAPERS;
    expect(authorsPerPaper).toBeGreaterThan(6);
    expect(authorsPerPaper).toBeLessThan(11);
    expect(tasksPerPaper).toBeGreaterThan(2.5);
    expect(tasksPerPaper).toBeLessThan(5.5);
    expect(links.length / PAPERS).toBeGreaterThan(0.3);
    expect(links.length / PAPERS).toBeLessThan(0.8);
    // Heavy tails: some author and some task on many papers.
    expect(Math.max(...tally(papers.flatMap((paper) => paper.authors)))).toBeGreaterThan(15);
    expect(Math.max(...tally(papers.flatMap((paper) => paper.tasks)))).toBeGreaterThan(PAPERS / 10);
    // Some papers link several repositories: the links file repeats them.
    expect(Math.max(...tally(links.map((link) => link.paper_url)))).toBeGreaterThan(1);
    expect(new Set(links.map((link) => link.framework))).toEqual(new Set(['pytorch', 'tf', 'none', 'jax', 'mxnet']));
    // A few leaderboards with several rows even in a tiny archive.
    expect(walk(evaluation).entries.filter((entry) => entry.sota.rows.length >= 5).length).toBeGreaterThanOrEqual(3);
    const years = papers.map((paper) => Number(paper.date?.slice(0, 4))).filter((year) => year > 1900 && year < 2100);
    expect(years.filter((year) => year >= 2018).length / years.length).toBeGreaterThan(0.6);
    expect(Math.min(...years)).toBeLessThan(2012);
  });

  it('defines every task name papers use, with real ids for colliding names', () => {
    const { tasks } = walk(evaluation);
    const datasetTasks = datasets.flatMap((dataset) => dataset.tasks);
    const defined = new Set([...tasks.map((task) => task.task), ...datasetTasks.map((task) => task.task)]);
    for (const name of papers.flatMap((paper) => paper.tasks)) expect(defined).toContain(name);
    const ids = new Map(datasetTasks.map((task) => [task.task, task.url]));
    expect(ids.get('Text-to-Image Generation')).toBe('https://paperswithcode.com/task/text-to-image-generation');
    expect(ids.get('Text to Image Generation')).toBe('https://paperswithcode.com/task/text-to-image-generation-1');
    expect(tasks.map((task) => task.task)).toContain('model');
    expect(tasks.length).toBeGreaterThan(evaluation.length);
  });

  it('has the papers’ quirks', () => {
    const placeholder = papers.find((paper) => paper.paper_url === 'https://paperswithcode.com/paper/000000000');
    expect(placeholder).toMatchObject({ title: null });
    // "" instead of null in fields other than the date, too.
    const fields = papers.flatMap((paper) => Object.entries(paper as unknown as Record<string, unknown>));
    expect(fields.filter(([field, value]) => field !== 'date' && value === '').length).toBeGreaterThan(0);
    const dates = papers.map((paper) => paper.date);
    expect(dates).toContain('');
    expect(dates).toContain(null);
    expect(dates.some((date) => date?.startsWith('2222-'))).toBe(true);
    expect(papers.some((paper) => /^[a-z-]+\/\d{7}$/.test(paper.arxiv_id ?? ''))).toBe(true);
    expect(papers.some((paper) => /v\d+$/.test(paper.url_abs ?? ''))).toBe(true);
    expect(papers.some((paper) => paper.url_abs?.startsWith('http://'))).toBe(true);
    expect(papers.some((paper) => paper.url_abs?.startsWith('https://'))).toBe(true);
    expect(papers.some((paper) => paper.arxiv_id === null && paper.title !== null)).toBe(true);
    const abstracts = papers.map((paper) => paper.abstract ?? '');
    expect(abstracts.some((text) => text.includes('\r\n'))).toBe(true);
    expect(abstracts.some((text) => /(?<!\r)\n/.test(text))).toBe(true);
    expect(abstracts.some((text) => text.includes('$'))).toBe(true);
    expect(abstracts.some((text) => /[±×]/.test(text))).toBe(true);
    expect(papers.some((paper) => paper.authors.includes('Anonymous'))).toBe(true);
    expect(new Set(papers.map((paper) => paper.paper_url)).size).toBe(PAPERS);
  });

  it('has the leaderboards’ quirks', () => {
    const { entries } = walk(evaluation);
    const values = rows.flatMap((row) => Object.values(row.metrics));
    for (const value of ['85.1%', '0.8428 ± 0.0014', '220k', '3.0m', '1,5', '-', '', 'N/A', '(32.76 32.07)']) {
      expect(values).toContain(value);
    }
    expect(values.some((value) => typeof value === 'string' && value.startsWith('\uFEFF'))).toBe(true);
    expect(values.some((value) => typeof value === 'boolean')).toBe(true);
    const metrics = new Set(entries.flatMap((entry) => entry.sota.metrics));
    for (const name of ['Backbone', 'Error', 'FID', 'Params', 'Perplexity']) expect(metrics).toContain(name);
    expect(entries.some((entry) => !('dataset' in entry))).toBe(true);
    // Duplicate rows (the same JSON twice) and conflicting ones (same model and paper, other values).
    const duplicates = entries.filter((entry) => {
      const texts = entry.sota.rows.map((row) => JSON.stringify(row));
      return new Set(texts).size < texts.length;
    });
    const conflicts = entries.filter((entry) => {
      const byKey = new Map<string, Set<string>>();
      for (const row of entry.sota.rows) {
        const key = JSON.stringify([row.model_name, row.paper_url, row.paper_title]);
        byKey.set(key, (byKey.get(key) ?? new Set()).add(JSON.stringify(row.metrics)));
      }
      return [...byKey.values()].some((variants) => variants.size > 1);
    });
    expect(duplicates.length).toBeGreaterThan(0);
    expect(conflicts.length).toBeGreaterThan(0);
    expect(rows.some((row) => !('uses_additional_data' in row))).toBe(true);
  });

  it('points most leaderboard rows at generated papers, by arXiv URL or title', () => {
    const arxivIds = new Set(papers.map((paper) => paper.arxiv_id).filter(Boolean));
    const titles = new Set(papers.map((paper) => paper.title).filter(Boolean));
    const matched = rows.filter((row) => {
      const id = /arxiv\.org\/(?:abs|pdf)\/(.+?)(?:v\d+)?(?:\.pdf)?$/.exec(row.paper_url)?.[1];
      return (id !== undefined && arxivIds.has(id)) || titles.has(row.paper_title);
    });
    expect(matched.length / rows.length).toBeGreaterThan(0.6);
    expect(matched.length).toBeLessThan(rows.length);
    expect(rows.some((row) => /^https?:\/\/arxiv\.org\/abs\/\d{4}\.\d{4,5}v\d$/.test(row.paper_url))).toBe(true);
  });

  it('gives leaderboards SOTA histories: values improve in steps over time', () => {
    const lowerIsBetter = new Set(['Error', 'FID', 'Params', 'Perplexity']);
    const steps = walk(evaluation).entries.map((entry) => {
      const metric = entry.sota.metrics[0];
      if (!metric) return 0;
      const sign = lowerIsBetter.has(metric) ? -1 : 1;
      const points = entry.sota.rows
        .filter((row) => row.paper_date && /^\d+(\.\d+)?$/.test(String(row.metrics[metric])))
        .map((row) => ({ date: String(row.paper_date), value: sign * Number(row.metrics[metric]) }))
        .sort((a, b) => a.date.localeCompare(b.date));
      let best = -Infinity;
      let count = 0;
      for (const { value } of points) {
        if (value > best) [best, count] = [value, count + 1];
      }
      return count;
    });
    expect(Math.max(...steps)).toBeGreaterThanOrEqual(3);
  });

  it('has the methods’ and datasets’ quirks', () => {
    expect(methods.map((method) => method.introduced_year)).toContain(2000);
    const names = methods.map((method) => method.name);
    expect(new Set(names).size).toBeLessThan(names.length);
    expect(new Set(methods.map((method) => method.url)).size).toBe(methods.length);
    expect(names).toContain('ooJpiued');
    expect(methods.some((method) => method.description.includes('$'))).toBe(true);
    expect(new Set(datasets.map((dataset) => dataset.url)).size).toBe(datasets.length);
    expect(datasets.some((dataset) => dataset.tasks.length === 0)).toBe(true);
  });

  it('rejects sizes and seeds it cannot use', async () => {
    await expect(generateArchive({ papers: 0, out: tempDir() })).rejects.toThrow(RangeError);
    await expect(generateArchive({ papers: 1.5, out: tempDir() })).rejects.toThrow(RangeError);
    await expect(generateArchive({ papers: 10, out: tempDir(), seed: -1 })).rejects.toThrow(RangeError);
  });
});
