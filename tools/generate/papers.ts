import { ANONYMOUS, type AuthorNames } from './authors';
import type { DatasetCatalogue } from './datasets';
import type { MethodCatalogue } from './methods';
import { METRIC_SETS } from './metrics';
import type { PaperIdentities, PaperIdentity } from './paper-identity';
import { randomFor } from './random';
import { COLLIDING_TASKS } from './task-names';
import type { TaskCatalogue } from './tasks';
import { acronym, paperAbstract } from './text';

const BODY_STREAM = 0xb0;

export interface PaperSources {
  seed: number;
  tasks: TaskCatalogue;
  authors: AuthorNames;
  papers: PaperIdentities;
  methods: MethodCatalogue;
  datasets: DatasetCatalogue;
}

export interface PaperJson {
  json: string;
  authorRanks: number[];
  anonymous: boolean;
  tasks: number;
}

/**
 * One record of papers-with-abstracts.json as JSON text. The embedded methods are spliced in as
 * pre-serialised text: they are most of a record's bytes and the same for every paper.
 */
export function paperJson(sources: PaperSources, identity: PaperIdentity): PaperJson {
  const { seed, tasks, authors, papers, methods } = sources;
  if (identity.title === null) {
    const json = JSON.stringify(placeholderRecord(identity.paperUrl));
    return { json, authorRanks: [], anonymous: false, tasks: 0 };
  }
  const random = randomFor(seed, BODY_STREAM, identity.index);

  const authorRanks: number[] = [];
  let anonymous = false;
  const authorRoll = random.next();
  if (identity.quirk === 'anonymous' || authorRoll < 0.005) anonymous = true;
  else if (authorRoll >= 0.007) {
    const wanted = Math.min(random.logNormalInt(1.75, 0.9, 1, 1000), authors.size >> 1);
    for (let attempt = 0; authorRanks.length < wanted && attempt < wanted * 4; attempt += 1) {
      const rank = authors.sample(random);
      if (!authorRanks.includes(rank)) authorRanks.push(rank);
    }
  }

  const taskIndices: number[] = [];
  const wantedTasks = Math.min(random.logNormalInt(1.2, 0.6, 0, 25), tasks.tasks.length >> 1);
  if (wantedTasks > 0 && random.chance(0.85)) taskIndices.push(identity.titleTask);
  for (let attempt = 0; taskIndices.length < wantedTasks && attempt < wantedTasks * 4; attempt += 1) {
    const task = tasks.sample(random);
    if (!taskIndices.includes(task)) taskIndices.push(task);
  }
  const taskNames = taskIndices.map((task) => tasks.tasks[task].name);
  // Papers list both spellings of a task ("Text-to-Image Generation", "Text to Image Generation").
  for (const [first, second] of COLLIDING_TASKS) {
    const has = [taskNames.includes(first), taskNames.includes(second)];
    if (has[0] !== has[1] && random.chance(0.4)) taskNames.push(has[0] ? second : first);
  }

  const embedded: string[] = [];
  if (random.chance(0.4)) {
    const chosen: number[] = [];
    const wanted = random.logNormalInt(0.9, 0.7, 1, 20);
    for (let attempt = 0; chosen.length < wanted && attempt < wanted * 4; attempt += 1) {
      const method = methods.sample(random);
      if (!chosen.includes(method)) chosen.push(method);
    }
    for (const method of chosen) embedded.push(methods.methods[method].embeddedJson);
  }

  const mainTask = tasks.tasks[taskIndices[0] ?? identity.titleTask];
  const abstract = paperAbstract(
    random,
    {
      task: mainTask.name,
      model: identity.model ?? acronym(random),
      datasets: [sources.datasets.sampleName(random), sources.datasets.sampleName(random)],
      metric: random.pick(random.pick(METRIC_SETS[mainTask.area])).toLowerCase(),
    },
    identity.quirk === 'crlfAbstract' || random.chance(0.01),
  );
  const shortRoll = random.next();
  const shortAbstract = shortRoll < 0.97 ? null : shortRoll < 0.98 ? '' : abstract.split(/(?<=\.)\s/)[0];
  const reproduces = random.chance(0.0005) ? papers.get(random.int(papers.count)) : null;

  const { record } = identity;
  const json = JSON.stringify({
    paper_url: identity.paperUrl,
    arxiv_id: record.arxiv_id,
    nips_id: record.nips_id,
    openreview_id: record.openreview_id,
    title: identity.title,
    abstract,
    short_abstract: shortAbstract,
    url_abs: record.url_abs,
    url_pdf: record.url_pdf,
    proceeding: record.proceeding,
    authors: anonymous ? [ANONYMOUS] : authorRanks.map((rank) => authors.name(rank)),
    tasks: taskNames,
    date: record.date,
    conference_url_abs: record.conference_url_abs,
    conference_url_pdf: record.conference_url_pdf,
    conference: record.conference,
    reproduces_paper: reproduces?.title ? reproduces.paperUrl : null,
    methods: [],
  });
  // `"methods":[]}` closes the text: splice the embedded copies in.
  return {
    json: embedded.length === 0 ? json : `${json.slice(0, -3)}[${embedded.join(',')}]}`,
    authorRanks,
    anonymous,
    tasks: taskNames.length,
  };
}

function placeholderRecord(paperUrl: string): Record<string, unknown> {
  return {
    paper_url: paperUrl,
    arxiv_id: null,
    nips_id: null,
    openreview_id: null,
    title: null,
    abstract: null,
    short_abstract: null,
    url_abs: null,
    url_pdf: null,
    proceeding: null,
    authors: [],
    tasks: [],
    date: null,
    conference_url_abs: null,
    conference_url_pdf: null,
    conference: null,
    reproduces_paper: null,
    methods: [],
  };
}
