import { dataOf, errorCodes, SEED_PAPER, useSampleApi } from './support/api';

const { execute, gateway } = useSampleApi();

interface Named {
  id: string;
  name: string;
}

describe('tasks and areas', () => {
  it('walks a task: areas, parent, subtasks, papers, datasets', async () => {
    const { task } = dataOf(
      await execute<{
        task: Named & {
          paperCount: number;
          areas: Named[];
          parent: Named | null;
          subtasks: Named[];
          papers: { totalCount: number; nodes: { id: string }[] };
          datasets: Named[];
        };
      }>(
        `{ task(id: "personalized-image-generation") {
          id name paperCount areas { id name } parent { id } subtasks { id }
          papers(first: 10) { totalCount nodes { id } } datasets { id name }
        } }`,
      ),
    );
    expect(task.name).toBe('Personalized Image Generation');
    expect(task.areas.map((area) => area.id)).toEqual(['computer-vision']);
    expect(task.paperCount).toBe(task.papers.totalCount);
    expect(task.papers.nodes.map((paper) => paper.id)).toContain(SEED_PAPER);
    expect(task.datasets.map((dataset) => dataset.id)).toContain('dreambooth');
    const { task: parent } = dataOf(
      await execute<{ task: { subtasks: { id: string; parent: { id: string } }[] } }>(
        '{ task(id: "question-answering") { subtasks { id parent { id } } } }',
      ),
    );
    expect(parent.subtasks.length).toBeGreaterThan(0);
    expect(parent.subtasks.every((subtask) => subtask.parent.id === 'question-answering')).toBe(true);
  });

  it('lists tasks by paper count or name, filtered by area, a page at a time', async () => {
    const { tasks } = dataOf(
      await execute<{ tasks: { totalCount: number; nodes: { id: string; paperCount: number }[] } }>(
        '{ tasks(first: 100) { totalCount nodes { id paperCount } } }',
      ),
    );
    const counts = tasks.nodes.map((task) => task.paperCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(tasks.nodes).toHaveLength(Math.min(100, tasks.totalCount));
    const inVision = dataOf(
      await execute<{ tasks: { totalCount: number; nodes: { name: string; areas: { id: string }[] }[] } }>(
        '{ tasks(filter: { area: "computer-vision" }, orderBy: NAME_ASC, first: 100) { totalCount nodes { name areas { id } } } }',
      ),
    ).tasks;
    expect(inVision.totalCount).toBe(inVision.nodes.length);
    expect(inVision.nodes.every((task) => task.areas.some((area) => area.id === 'computer-vision'))).toBe(true);
    const names = inVision.nodes.map((task) => task.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    // pages of 3 cover the same tasks
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page: { tasks: { pageInfo: { endCursor: string; hasNextPage: boolean }; nodes: { name: string }[] } } =
        dataOf(
          await execute(
            'query($after: String) { tasks(filter: { area: "computer-vision" }, orderBy: NAME_ASC, first: 3, after: $after) { pageInfo { endCursor hasNextPage } nodes { name } } }',
            { after },
          ),
        );
      seen.push(...page.tasks.nodes.map((task) => task.name.toLowerCase()));
      after = page.tasks.pageInfo.hasNextPage ? page.tasks.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(names);
  });

  it('filters tasks by parent, alone and with an area (the list starts from the first given one)', async () => {
    type Listed = { tasks: { totalCount: number; nodes: { id: string; areas: { id: string }[] }[] } };
    const query = `query($filter: TaskFilter) { tasks(filter: $filter, orderBy: NAME_ASC, first: 100) {
      totalCount nodes { id areas { id } } } }`;
    const { task } = dataOf(
      await execute<{ task: { subtasks: { id: string }[] } }>(
        '{ task(id: "question-answering") { subtasks(first: 100) { id } } }',
      ),
    );
    const children = dataOf(await execute<Listed>(query, { filter: { parent: 'question-answering' } })).tasks;
    expect(children.nodes.map((node) => node.id).sort()).toEqual(task.subtasks.map((subtask) => subtask.id).sort());
    expect(children.totalCount).toBe(task.subtasks.length);
    const area = children.nodes[0].areas[0].id;
    const both = dataOf(await execute<Listed>(query, { filter: { parent: 'question-answering', area } })).tasks;
    expect(both.nodes.map((node) => node.id)).toEqual(
      children.nodes.filter((node) => node.areas.some((a) => a.id === area)).map((node) => node.id),
    );
    expect(both.totalCount).toBe(both.nodes.length);
  });

  it('lists every area with tasks, and an area’s tasks', async () => {
    const { areas, area } = dataOf(
      await execute<{ areas: Named[]; area: { tasks: { id: string }[] } }>(
        '{ areas { id name } area(id: "speech") { tasks { id } } }',
      ),
    );
    expect(areas.map((known) => known.id)).toContain('computer-vision');
    expect(area.tasks.map((task) => task.id)).toContain('speech-recognition');
  });
});

describe('datasets, methods, repositories, authors', () => {
  it('answers a dataset page', async () => {
    const { dataset } = dataOf(
      await execute<{
        dataset: Named & {
          introducedBy: { id: string };
          modalities: string[];
          paperCount: number;
          papers: { totalCount: number };
        };
      }>(
        '{ dataset(id: "dreambooth") { id name fullName introducedBy { id } introducedAt modalities languages paperCount papers(first: 5) { totalCount } tasks { id } } }',
      ),
    );
    expect(dataset).toMatchObject({
      name: 'DreamBooth',
      introducedBy: { id: 'dreambooth-fine-tuning-text-to-image' },
      modalities: ['Images', 'Texts'],
    });
    expect(dataset.paperCount).toBe(dataset.papers.totalCount);
    expect(dataset.paperCount).toBe(3);
  });

  it('lists datasets by modality (any case) and by task', async () => {
    const { images, forTask } = dataOf(
      await execute<{ images: { nodes: { modalities: string[] }[] }; forTask: { nodes: { id: string }[] } }>(
        `{ images: datasets(filter: { modality: "IMAGES" }, first: 100) { nodes { modalities } }
           forTask: datasets(filter: { task: "speech-recognition" }) { nodes { id } } }`,
      ),
    );
    expect(images.nodes.length).toBeGreaterThan(0);
    expect(images.nodes.every((dataset) => dataset.modalities.includes('Images'))).toBe(true);
    expect(forTask.nodes.map((dataset) => dataset.id)).toContain('librispeech');
  });

  it('answers a method with its collections and papers, and lists methods by collection', async () => {
    const { method, methods } = dataOf(
      await execute<{
        method: {
          collections: { id: string; area: string | null; methods: { id: string }[] }[];
          papers: { totalCount: number };
          paperCount: number;
        };
        methods: { nodes: { id: string }[] };
      }>(
        `{ method(id: "diffusion") { paperCount collections { id area methods { id } } papers(first: 2) { totalCount } }
           methods(filter: { collection: "generative-models" }, orderBy: NAME_ASC) { nodes { id } } }`,
      ),
    );
    expect(method.paperCount).toBe(method.papers.totalCount);
    expect(method.collections.every((collection) => collection.methods.some((inner) => inner.id === 'diffusion'))).toBe(
      true,
    );
    expect(methods.nodes.map((inner) => inner.id)).toEqual(
      [...methods.nodes.map((inner) => inner.id)].sort((a, b) => a.localeCompare(b)),
    );
  });

  it('finds a repository by any spelling of its URL', async () => {
    for (const url of [
      'https://github.com/rinongal/textual_inversion',
      'http://www.github.com/rinongal/textual_inversion.git/',
      'https://GITHUB.com/rinongal/textual_inversion/',
    ]) {
      const { repository } = dataOf(
        await execute<{ repository: { url: string; papers: { id: string }[] } | null }>(
          'query($url: String!) { repository(url: $url) { url papers { id } } }',
          { url },
        ),
      );
      expect(repository).toEqual({
        url: 'https://github.com/rinongal/textual_inversion',
        papers: [{ id: SEED_PAPER }],
      });
    }
    expect(dataOf(await execute('{ repository(url: "not a url") { url } }'))).toEqual({ repository: null });
  });

  it('answers an author page with papers and co-authors ranked by papers together', async () => {
    const { author } = dataOf(
      await execute<{
        author: {
          name: string;
          paperCount: number;
          papers: { totalCount: number };
          coauthors: { papersTogether: number; author: { id: string } }[];
        };
      }>(
        '{ author(id: "daniel-cohen-or") { name paperCount papers(first: 10) { totalCount } coauthors(first: 50) { papersTogether author { id } } } }',
      ),
    );
    expect(author.paperCount).toBe(author.papers.totalCount);
    const together = author.coauthors.map((coauthor) => coauthor.papersTogether);
    expect(together).toEqual([...together].sort((a, b) => b - a));
    expect(author.coauthors.map((coauthor) => coauthor.author.id)).not.toContain('daniel-cohen-or');
    expect(author.coauthors.find((coauthor) => coauthor.author.id === 'rinon-gal')?.papersTogether).toBe(1);
  });

  it('returns null for every missing id', async () => {
    const data = dataOf(
      await execute(`{
        author(id: "nobody") { id } task(id: "none") { id } area(id: "none") { id } dataset(id: "none") { id }
        method(id: "none") { id } leaderboard(task: "none", dataset: "none") { id } leaderboardById(id: "none") { id }
      }`),
    );
    expect(Object.values(data).every((value) => value === null)).toBe(true);
  });
});

describe('related papers', () => {
  type Related = {
    score: number;
    paper: { id: string };
    reasons: { kind: string; id: string; name: string; weight: number }[];
  }[];

  it('explains every related paper with weighted reasons, never relating a paper to itself', async () => {
    const query = `{ paper(id: "${SEED_PAPER}") { relatedPapers(first: 10) { score paper { id } reasons { kind id name weight } } } }`;
    const { paper } = dataOf(await execute<{ paper: { relatedPapers: Related } }>(query));
    const related = paper.relatedPapers;
    expect(related.length).toBeGreaterThan(3);
    expect(related.map((entry) => entry.paper.id)).not.toContain(SEED_PAPER);
    const scores = related.map((entry) => entry.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const entry of related) {
      expect(entry.reasons.length).toBeGreaterThan(0);
      // Exactly the reasons' weights summed heaviest first: a score is the same to the last bit on every call.
      expect(entry.score).toBe(entry.reasons.reduce((sum, reason) => sum + reason.weight, 0));
      const weights = entry.reasons.map((reason) => reason.weight);
      expect(weights).toEqual([...weights].sort((a, b) => b - a));
    }
    // the other DreamBooth papers come first: same leaderboard, same dataset, same niche task
    expect(
      related
        .slice(0, 2)
        .map((entry) => entry.paper.id)
        .sort(),
    ).toEqual(['dreambooth-fine-tuning-text-to-image', 'multi-concept-customization-of-text-to-image']);
    expect(related[0].reasons.map((reason) => reason.kind)).toEqual(
      expect.arrayContaining(['SAME_LEADERBOARD', 'SHARED_DATASET', 'SHARED_TASK']),
    );
    // deterministic
    expect(dataOf(await execute<{ paper: { relatedPapers: Related } }>(query)).paper.relatedPapers).toEqual(related);
  });

  it('weighs a rare task above a common one', async () => {
    const { paper } = dataOf(
      await execute<{ paper: { relatedPapers: Related } }>(
        `{ paper(id: "${SEED_PAPER}") { relatedPapers(first: 20) { reasons { kind id weight } } } }`,
      ),
    );
    const weightOf = (id: string) =>
      paper.relatedPapers.flatMap((entry) => entry.reasons).find((reason) => reason.id === id)?.weight ?? NaN;
    // Personalized Image Generation has 3 papers in the sample, Image Generation many more
    expect(weightOf('personalized-image-generation')).toBeGreaterThan(weightOf('image-generation'));
  });

  it('relates papers to a task through it, its leaderboards and its datasets', async () => {
    const { task } = dataOf(
      await execute<{ task: { relatedPapers: Related } }>(
        '{ task(id: "personalized-image-generation") { relatedPapers(first: 5) { score paper { id } reasons { kind id } } } }',
      ),
    );
    expect(
      task.relatedPapers
        .slice(0, 3)
        .map((entry) => entry.paper.id)
        .sort(),
    ).toEqual([SEED_PAPER, 'dreambooth-fine-tuning-text-to-image', 'multi-concept-customization-of-text-to-image']);
    expect(task.relatedPapers[0].reasons.map((reason) => reason.kind)).toEqual(
      expect.arrayContaining(['SHARED_TASK', 'SAME_LEADERBOARD']),
    );
  });

  it('refuses more than 100', async () => {
    const { result } = await execute(`{ paper(id: "${SEED_PAPER}") { relatedPapers(first: 101) { score } } }`);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('search', () => {
  type Hit = { type: string; id: string; name: string; score: number };

  it('finds typed hits, best first, and only the types asked for', async () => {
    const { all, tasks } = dataOf(
      await execute<{ all: Hit[]; tasks: Hit[] }>(
        `{ all: search(query: "textual inversion") { type id name score }
           tasks: search(query: "image generation", types: [TASK], first: 5) { type id name score } }`,
      ),
    );
    expect(all[0]).toMatchObject({ type: 'PAPER', id: SEED_PAPER });
    const scores = all.map((hit) => hit.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.length).toBeLessThanOrEqual(5);
    expect(tasks.every((hit) => hit.type === 'TASK')).toBe(true);
    expect(tasks.map((hit) => hit.id)).toContain('image-generation');
    const { authors } = dataOf(
      await execute<{ authors: Hit[] }>('{ authors: search(query: "Rinon", types: [AUTHOR]) { type id name } }'),
    );
    expect(authors[0]).toMatchObject({ type: 'AUTHOR', id: 'rinon-gal', name: 'Rinon Gal' });
  });

  it('takes Lucene syntax literally: never an error', async () => {
    for (const query of [
      'title:(foo AND',
      '"unclosed',
      'a~2^3 || b && !c',
      '*',
      '((',
      '\\',
      'x OR',
      '/regex/',
      '[1 TO 5}',
    ]) {
      const { result } = await execute('query($q: String!) { search(query: $q) { id } }', { q: query });
      expect(result.errors).toBeUndefined();
      expect(Array.isArray((result.data as { search: unknown[] }).search)).toBe(true);
    }
  });

  it('leaves the graph unchanged by injection text in any string argument', async () => {
    const before = await gateway().query({ name: 'test.count', text: 'MATCH (n) RETURN count(n) AS nodes' });
    const injection = '"}) DETACH DELETE n //';
    const { result } = await execute(
      `query($s: String!, $id: ID!) {
        search(query: $s) { id }
        paper(id: $id) { id }
        repository(url: $s) { url }
        leaderboard(task: $id, dataset: $id, benchmark: $s) { id rows(metric: $s) { rank } }
        papers(filter: { task: $id, author: $id }) { totalCount }
        datasets(filter: { modality: $s, language: $s }) { totalCount }
        dataset(id: "dreambooth") { bestResult(metric: $s, task: $id) { id } }
      }`,
      { s: injection, id: injection },
    );
    expect(result.errors).toBeUndefined();
    expect(await gateway().query({ name: 'test.count', text: 'MATCH (n) RETURN count(n) AS nodes' })).toEqual(before);
  });
});
