import { cypher } from '../src/db/cypher';
import { dataOf, errorCodes, SEED_PAPER, useSampleApi } from './support/api';

const api = useSampleApi();
const { execute } = api;

interface PaperPage {
  papers: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
    edges: { cursor: string; node: { id: string; title: string | null; publishedAt: string | null } }[];
  };
}

const PAGE = `query Page($filter: PaperFilter, $orderBy: PaperOrder, $first: Int, $after: String) {
  papers(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor node { id title publishedAt } }
  }
}`;

/** Every paper of a list, read `size` at a time by following endCursor. */
async function readAll(variables: Record<string, unknown>, size: number) {
  const ids: string[] = [];
  const nodes: PaperPage['papers']['edges'][number]['node'][] = [];
  let after: string | null = null;
  let pages = 0;
  let totalCount: number;
  do {
    const page: PaperPage = dataOf(await execute<PaperPage>(PAGE, { ...variables, first: size, after }));
    expect(page.papers.edges.length).toBeLessThanOrEqual(size);
    expect(page.papers.pageInfo.hasPreviousPage).toBe(after !== null);
    nodes.push(...page.papers.edges.map((edge) => edge.node));
    ids.push(...page.papers.edges.map((edge) => edge.node.id));
    totalCount = page.papers.totalCount;
    after = page.papers.pageInfo.hasNextPage ? page.papers.pageInfo.endCursor : null;
    pages += 1;
  } while (after !== null && pages < 200);
  return { ids, nodes, totalCount, pages };
}

describe('paper(id)', () => {
  it("answers the seed page's paper with its 7 authors in order and its 4 tasks", async () => {
    const data = dataOf(
      await execute(
        `query SeedPaper($id: ID!) {
          paper(id: $id) { id title publishedAt arxivId urlAbs authors { id name } tasks { id name } }
        }`,
        { id: SEED_PAPER },
      ),
    );
    expect(data).toEqual({
      paper: {
        id: SEED_PAPER,
        title: 'An Image is Worth One Word: Personalizing Text-to-Image Generation using Textual Inversion',
        publishedAt: '2022-08-02',
        arxivId: '2208.01618',
        urlAbs: 'https://arxiv.org/abs/2208.01618v1',
        authors: [
          { id: 'rinon-gal', name: 'Rinon Gal' },
          { id: 'yuval-alaluf', name: 'Yuval Alaluf' },
          { id: 'yuval-atzmon', name: 'Yuval Atzmon' },
          { id: 'or-patashnik', name: 'Or Patashnik' },
          { id: 'amit-h-bermano', name: 'Amit H. Bermano' },
          { id: 'gal-chechik', name: 'Gal Chechik' },
          { id: 'daniel-cohen-or', name: 'Daniel Cohen-Or' },
        ],
        tasks: [
          { id: 'text-to-image-generation', name: 'Text-to-Image Generation' },
          { id: 'text-to-image-generation-1', name: 'Text to Image Generation' },
          { id: 'personalized-image-generation', name: 'Personalized Image Generation' },
          { id: 'image-generation', name: 'Image Generation' },
        ],
      },
    });
  });

  it('gives its code (official first, with the link facts), datasets and results', async () => {
    const data = dataOf(
      await execute<{
        paper: {
          repositories: { url: string; owner: string; name: string; framework: string }[];
          codeLinks: { isOfficial: boolean; mentionedInPaper: boolean; framework: string; paper: { id: string } }[];
          datasets: { id: string }[];
          results: { modelName: string; leaderboard: { id: string }; task: { id: string }; dataset: { id: string } }[];
        };
      }>(
        `{ paper(id: "${SEED_PAPER}") {
          repositories { url owner name framework }
          codeLinks { isOfficial mentionedInPaper framework paper { id } }
          datasets { id }
          results { modelName leaderboard { id } task { id } dataset { id } }
        } }`,
      ),
    );
    expect(data.paper.repositories[0]).toEqual({
      url: 'https://github.com/rinongal/textual_inversion',
      owner: 'rinongal',
      name: 'textual_inversion',
      framework: 'pytorch',
    });
    expect(data.paper.codeLinks[0]).toMatchObject({ isOfficial: true, paper: { id: SEED_PAPER } });
    expect(data.paper.codeLinks.slice(1).every((link) => !link.isOfficial)).toBe(true);
    expect(data.paper.codeLinks).toHaveLength(data.paper.repositories.length);
    expect(data.paper.datasets).toEqual([{ id: 'dreambooth' }]);
    expect(data.paper.results).toEqual([
      {
        modelName: 'Textual Inversion SD v1.5',
        leaderboard: { id: 'personalized-image-generation-on-dreambooth' },
        task: { id: 'personalized-image-generation' },
        dataset: { id: 'dreambooth' },
      },
    ]);
  });

  it('returns null, without an error, for an id that does not exist', async () => {
    const { result } = await execute('{ paper(id: "no-such-paper") { id title } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ paper: null });
  });

  it('treats Cypher in an id as a literal', async () => {
    const { result } = await execute('query($id: ID!) { paper(id: $id) { id } }', { id: '"}) DETACH DELETE n //' });
    expect(result.data).toEqual({ paper: null });
    expect(dataOf(await execute(`{ paper(id: "${SEED_PAPER}") { id } }`))).toEqual({ paper: { id: SEED_PAPER } });
  });

  it('reports an unknown field as a validation error with a code', async () => {
    const { result } = await execute(`{ paper(id: "${SEED_PAPER}") { nope } }`);
    expect(errorCodes(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
  });
});

describe('papers: keyset pages', () => {
  it('walks every paper newest first across pages, without duplicates or gaps', async () => {
    const { ids, nodes, totalCount, pages } = await readAll({}, 4);
    expect(pages).toBe(Math.ceil(totalCount / 4));
    expect(pages).toBeGreaterThan(10);
    expect(ids).toHaveLength(totalCount);
    expect(new Set(ids).size).toBe(ids.length);
    const dates = nodes.map((node) => node.publishedAt ?? '0000');
    expect(dates).toEqual([...dates].sort().reverse());
    // one big page holds the same papers in the same order
    const whole = await readAll({}, 100);
    expect(whole.ids).toEqual(ids);
  });

  it('orders by title and oldest first, with undated papers last', async () => {
    const byTitle = await readAll({ orderBy: 'TITLE_ASC' }, 50);
    const titles = byTitle.nodes.map((node) => (node.title ?? '\uffff').toLowerCase());
    expect(titles).toEqual([...titles].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    const oldest = await readAll({ orderBy: 'PUBLISHED_ASC' }, 50);
    const dated = oldest.nodes.filter((node) => node.publishedAt !== null);
    expect(dated.map((node) => node.publishedAt)).toEqual(dated.map((node) => node.publishedAt).sort());
    expect(oldest.nodes.slice(dated.length).every((node) => node.publishedAt === null)).toBe(true);
    expect(new Set(oldest.ids).size).toBe(oldest.totalCount);
  });

  it('is stable under inserts: papers added before the cursor neither repeat nor skip rows of the next page', async () => {
    const first = dataOf(await execute<PaperPage>(PAGE, { first: 5 })).papers;
    const next = (after: string | null) =>
      execute<PaperPage>(PAGE, { first: 5, after }).then((answer) =>
        dataOf(answer).papers.edges.map((edge) => edge.node.id),
      );
    const expected = await next(first.pageInfo.endCursor);
    // Three papers newer than any (ahead of the cursor: they would shift an offset page by three)
    // and one older than any (past the second page).
    const inserted = ['2099-01-01', '2099-01-02', '2099-01-03', '1900-01-01'].map((date, i) => ({
      id: `inserted-while-paging-${i}`,
      date,
    }));
    const write = (text: string) => api.gateway().write(cypher('test.insertWhilePaging', text), { inserted });
    await write('UNWIND $inserted AS row CREATE (:Paper {id: row.id, title: row.id, publishedAt: date(row.date)})');
    try {
      const afterInserts = await next(first.pageInfo.endCursor);
      expect(afterInserts).toEqual(expected);
      expect(afterInserts.filter((id) => first.edges.some((edge) => edge.node.id === id))).toEqual([]);
      const newFirst = await next(null);
      expect(newFirst.slice(0, 3)).toEqual([
        'inserted-while-paging-2',
        'inserted-while-paging-1',
        'inserted-while-paging-0',
      ]);
    } finally {
      await write('UNWIND $inserted AS row MATCH (paper:Paper {id: row.id}) DETACH DELETE paper');
    }
  });

  it('filters by task, author, method, dataset, years and code, each counted', async () => {
    const byTask = await readAll({ filter: { task: 'personalized-image-generation' } }, 100);
    expect(byTask.ids.sort()).toEqual([
      SEED_PAPER,
      'dreambooth-fine-tuning-text-to-image',
      'multi-concept-customization-of-text-to-image',
    ]);
    const byAuthor = await readAll({ filter: { author: 'rinon-gal' } }, 100);
    expect(byAuthor.ids).toEqual([SEED_PAPER]);
    const byDataset = await readAll({ filter: { dataset: 'dreambooth' } }, 100);
    expect(byDataset.ids.sort()).toEqual([
      SEED_PAPER,
      'dreambooth-fine-tuning-text-to-image',
      'multi-concept-customization-of-text-to-image',
    ]);
    const in2022 = await readAll({ filter: { yearFrom: 2022, yearTo: 2022 } }, 100);
    expect(in2022.totalCount).toBeGreaterThan(0);
    expect(in2022.nodes.every((node) => node.publishedAt?.startsWith('2022'))).toBe(true);
    const combined = await readAll(
      { filter: { task: 'personalized-image-generation', yearTo: 2022, hasCode: true } },
      100,
    );
    expect(combined.ids).toContain(SEED_PAPER);
    expect(combined.nodes.every((node) => (node.publishedAt ?? '9999') < '2023')).toBe(true);
    const withoutCode = await readAll({ filter: { author: 'rinon-gal', hasCode: false } }, 100);
    expect(withoutCode.totalCount).toBe(0);
    const withMethod = await readAll({ filter: { method: 'diffusion' } }, 100);
    expect(withMethod.ids).toContain('prompt-to-prompt-image-editing-with-cross');
    expect(withMethod.totalCount).toBeGreaterThan(0);
    expect(withMethod.ids).toHaveLength(withMethod.totalCount);
  });

  it('refuses page sizes outside 1..100 and cursors it did not give, saying what to fix', async () => {
    for (const first of [0, -1, 101, 1000]) {
      const { result } = await execute(PAGE, { first });
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].message).toMatch(/between 1 and 100/);
    }
    const { result: badCursor } = await execute(PAGE, { after: 'not-a-cursor' });
    expect(errorCodes(badCursor)).toEqual(['BAD_USER_INPUT']);
    expect(badCursor.errors?.[0].message).toMatch(/endCursor/);
    const { papers } = dataOf(await execute<PaperPage>(PAGE, { first: 1 }));
    const { result: otherOrder } = await execute(PAGE, { orderBy: 'TITLE_ASC', after: papers.pageInfo.endCursor });
    expect(otherOrder.errors?.[0].message).toMatch(/ordered by PUBLISHED_DESC, not TITLE_ASC/);
    const { result: years } = await execute(PAGE, { filter: { yearFrom: 2023, yearTo: 2020 } });
    expect(errorCodes(years)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses a sort key outside the enum before running anything', async () => {
    const { result, stats } = await execute('{ papers(orderBy: publishedAt) { totalCount } }');
    expect(errorCodes(result)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(stats.queries).toBe(0);
  });
});
