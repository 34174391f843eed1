import { cypher } from '../src/db/cypher';
import { storePaperFacets } from '../src/db/paper-facets';
import { dataOf, errorCodes, useSampleApi } from './support/api';

// Facets of paper lists and the framework and area filters, on the sample graph. The expected
// counts were read off seed/ (papers-with-abstracts.json dates and tasks,
// links-between-papers-and-code.json frameworks, joined by paper URL): its 37 papers, plus GLIDE
// (a code link's paper, with a PyTorch repository) and 8 papers known only from leaderboard rows,
// all 9 undated.
const { execute, gateway } = useSampleApi();

interface FacetCount {
  value: string;
  name: string | null;
  count: number;
}
interface Facets {
  years: FacetCount[];
  frameworks: FacetCount[];
  tasks: FacetCount[];
  withCode: number;
}
interface List {
  totalCount: number;
  nodes: { id: string }[];
  facets: Facets;
}

const FACETS =
  'facets { years { value name count } frameworks { value name count } tasks(first: 3) { value name count } withCode }';

async function rootList(filter: Record<string, unknown> = {}): Promise<List> {
  const answer = await execute<{ papers: List }>(
    `query($filter: PaperFilter) { papers(filter: $filter, first: 100) { totalCount nodes { id } ${FACETS} } }`,
    { filter },
  );
  return dataOf(answer).papers;
}

async function taskList(task: string): Promise<List> {
  const answer = await execute<{ task: { papers: List } }>(
    `query($task: ID!) { task(id: $task) { papers(first: 100) { totalCount nodes { id } ${FACETS} } } }`,
    { task },
  );
  return dataOf(answer).task.papers;
}

const year = (value: number, count: number) => ({ value: String(value), name: null, count });

describe('PaperConnection.facets', () => {
  it('counts the years, frameworks, tasks and code of all papers', async () => {
    const { facets, totalCount } = await rootList();
    expect(totalCount).toBe(46);
    expect(facets.years).toEqual([
      year(2014, 3),
      year(2015, 2),
      year(2016, 1),
      year(2017, 3),
      year(2018, 2),
      year(2019, 3),
      year(2020, 7),
      year(2021, 6),
      year(2022, 7),
      year(2023, 1),
    ]);
    expect(facets.frameworks).toEqual([
      { value: 'pytorch', name: null, count: 28 },
      { value: 'tf', name: null, count: 8 },
      { value: 'jax', name: null, count: 2 },
    ]);
    expect(facets.tasks).toEqual([
      { value: 'image-generation', name: 'Image Generation', count: 10 },
      { value: 'text-to-image-generation', name: 'Text-to-Image Generation', count: 8 },
      { value: 'object-detection', name: 'Object Detection', count: 7 },
    ]);
    expect(facets.withCode).toBe(33);
  });

  it('counts the whole filtered list, not the page, and follows every filter', async () => {
    const page = await execute<{ papers: { nodes: unknown[]; facets: Facets } }>(
      `{ papers(first: 2) { nodes { id } facets { withCode years { count } } } }`,
    );
    expect(dataOf(page).papers.nodes).toHaveLength(2);
    expect(dataOf(page).papers.facets.withCode).toBe(33);
    expect(dataOf(page).papers.facets.years.reduce((sum, y) => sum + y.count, 0)).toBe(35);

    const recent = await rootList({ yearFrom: 2021 });
    expect(recent.facets.years).toEqual([year(2021, 6), year(2022, 7), year(2023, 1)]);
    const withoutCode = await rootList({ hasCode: false });
    expect(withoutCode).toMatchObject({ totalCount: 13, facets: { withCode: 0, frameworks: [] } });
    const generation = await taskList('image-generation');
    expect(generation.totalCount).toBe(10);
    expect(generation.facets.tasks[0]).toEqual({ value: 'image-generation', name: 'Image Generation', count: 10 });
  });

  it('answers one facet statement for the lists of many parents', async () => {
    const { result, stats } = await execute<{ tasks: { nodes: { papers: { facets: Facets } }[] } }>(
      `{ tasks(first: 10) { nodes { id papers { facets { withCode } } } } }`,
    );
    const lists = dataOf({ result }).tasks.nodes;
    expect(lists.length).toBe(10);
    expect(lists.some((task) => task.papers.facets.withCode > 0)).toBe(true);
    expect(stats.statements.filter((statement) => /paper\.facets\.withCode/.test(statement.name))).toHaveLength(1);
  });

  it('refuses a task facet size outside 1..100', async () => {
    const { result } = await execute(`{ papers { facets { tasks(first: 0) { value } } } }`);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].message).toMatch(/between 1 and 100/);
  });

  it('prices facets as reading rows: facets under a page of 100 parents exceed the cost limit', async () => {
    const { result } = await execute(
      `{ tasks(first: 100) { nodes { papers { facets { years { count } frameworks { count } withCode } } } } }`,
    );
    expect(errorCodes(result)).toEqual(['QUERY_TOO_COMPLEX']);
  });
});

describe('PaperFilter.framework and area', () => {
  it('keeps the papers with a repository in the framework, in any case', async () => {
    const pytorch = await rootList({ framework: 'PyTorch' });
    expect(pytorch.totalCount).toBe(28);
    expect(pytorch.nodes).toHaveLength(28);
    expect(pytorch.facets).toMatchObject({
      withCode: 28,
      frameworks: expect.arrayContaining([{ value: 'pytorch', name: null, count: 28 }]),
    });
    expect((await rootList({ framework: 'no-such-framework' })).totalCount).toBe(0);
  });

  it('keeps the papers with a task in the area', async () => {
    const answer = await execute<{ papers: { totalCount: number; nodes: { tasks: { areas: { id: string }[] }[] }[] } }>(
      `{ papers(filter: { area: "computer-vision" }, first: 100) { totalCount nodes { tasks { areas { id } } } } }`,
    );
    const { totalCount, nodes } = dataOf(answer).papers;
    expect(totalCount).toBe(nodes.length);
    expect(totalCount).toBeGreaterThan(5);
    expect(totalCount).toBeLessThan(46);
    for (const paper of nodes) {
      expect(paper.tasks.some((task) => task.areas.some((area) => area.id === 'computer-vision'))).toBe(true);
    }
    const inArea = await rootList({ area: 'computer-vision', framework: 'tf' });
    expect(inArea.facets.frameworks[0]).toEqual({ value: 'tf', name: null, count: inArea.totalCount });
  });
});

describe('stored facets of hub scopes', () => {
  const STORED = cypher('test.storedFacets', 'MATCH (f:PaperFacets) RETURN f.key AS key ORDER BY key');
  const TAMPER = cypher('test.tamperFacets', "MATCH (f:PaperFacets {key: 'all:'}) SET f.withCode = -1");

  afterAll(async () => {
    await gateway().write(cypher('test.dropFacets', 'MATCH (f:PaperFacets) DELETE f'));
  });

  it('answer as counting does, and are what an unfiltered hub list reads', async () => {
    const counted = {
      all: await rootList(),
      recent: await rootList({ yearTo: 2019 }),
      task: await taskList('image-generation'),
      taskRoot: await rootList({ task: 'image-generation' }),
    };
    // With a hub size of 7 the sample has hubs: all papers, and its larger tasks and methods.
    expect(await storePaperFacets(gateway(), undefined, 7)).toBeGreaterThan(2);
    const keys = (await gateway().query<{ key: string }>(STORED)).map((row) => row.key);
    expect(keys).toEqual(expect.arrayContaining(['all:', 'task:image-generation']));
    expect(keys).not.toContain('task:question-answering');
    expect(await rootList()).toEqual(counted.all);
    expect(await rootList({ yearTo: 2019 })).toEqual(counted.recent);
    expect(await taskList('image-generation')).toEqual(counted.task);
    expect(await rootList({ task: 'image-generation' })).toEqual(counted.taskRoot);
    expect(counted.taskRoot).toEqual(counted.task);

    await gateway().write(TAMPER);
    expect((await rootList()).facets.withCode).toBe(-1);
    // A filter the stored facets cannot answer is counted.
    expect((await rootList({ hasCode: true })).facets.withCode).toBe(33);
  });

  it('are dropped for scopes that are no longer hubs', async () => {
    const stored = async () => (await gateway().query<{ key: string }>(STORED)).map((row) => row.key);
    await storePaperFacets(gateway(), undefined, 7);
    const seven = await stored();
    expect(seven).toContain('task:text-to-image-generation');
    // image-generation has 10 papers, text-to-image-generation 8
    await storePaperFacets(gateway(), undefined, 9);
    const nine = await stored();
    expect(nine).toEqual(expect.arrayContaining(['all:', 'task:image-generation']));
    expect(nine).not.toContain('task:text-to-image-generation');
    expect(seven).toEqual(expect.arrayContaining(nine));
  });
});
