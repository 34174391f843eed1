import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findArchiveFiles } from '../src/archive/archive-files';
import { importArchive } from '../src/archive/import-archive';
import { dataOf, errorCodes, useSampleApi } from './support/api';
import { readEvaluationSamples } from './support/samples';

// Complete leaderboards: every row paged through `entries`, ranked across pages, filtered, with
// the SOTA history and lastSotaAt under the same filter. On the sample graph plus the real
// evaluation-tables samples (SQuAD1.1: 217 rows, ties, 33 rows without a model name) and one
// small made-up table whose ranks are worked out below by hand.
const { execute, gateway } = useSampleApi();

const row = (
  model: string,
  metrics: Record<string, string>,
  date: string | null,
  extra = false,
  code: string[] = [],
) => ({
  model_name: model,
  paper_title: '',
  paper_url: '',
  paper_date: date,
  uses_additional_data: extra,
  code_links: code.map((url) => ({ url, title: url })),
  metrics,
});

// Accuracy (higher is better): C and B tie at 3 (C is earlier), D 2, A 1, X unreadable.
// Error (lower is better): B 1.5, C 2, A 5, X unreadable; D has no Error value.
const HAND_MADE = {
  task: 'Ranking Check',
  description: '',
  categories: [],
  subtasks: [],
  datasets: [
    {
      dataset: 'RankBench',
      sota: {
        metrics: ['Accuracy', 'Error'],
        rows: [
          row('A', { Accuracy: '1', Error: '5' }, '2020-01-01'),
          row('B', { Accuracy: '3', Error: '1.5' }, '2021-01-01', true, ['https://github.com/b/b']),
          row('C', { Accuracy: '3', Error: '2' }, '2019-06-01'),
          row('X', { Accuracy: '-', Error: '-' }, null),
          row('D', { Accuracy: '2' }, '2022-03-01', false, ['https://github.com/d/d']),
        ],
      },
    },
  ],
};
const HAND_MADE_ID = 'ranking-check-on-rankbench';
const SQUAD = 'question-answering-on-squad1-1';

beforeAll(async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pwc2-entries-'));
  const file = path.join(dir, 'evaluation-tables.json');
  writeFileSync(file, JSON.stringify([...readEvaluationSamples(), HAND_MADE]));
  await importArchive(gateway(), findArchiveFiles([file]));
});

interface Ranked {
  rank: number;
  value: { raw: string; value: number | null; metric: { name: string } };
  result: { id: string; modelName: string; date: string | null; usesAdditionalData: boolean; codeLinks: string[] };
}
interface EntriesPage {
  totalCount: number;
  edges: { cursor: string; node: Ranked }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const ENTRIES = `query Entries($id: ID!, $metric: String, $filter: LeaderboardFilter, $first: Int, $after: String) {
  leaderboardById(id: $id) {
    entries(metric: $metric, filter: $filter, first: $first, after: $after) {
      totalCount
      edges { cursor node { rank value { raw value metric { name } } result { id modelName date usesAdditionalData codeLinks } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

async function entriesPage(variables: Record<string, unknown>) {
  return execute<{ leaderboardById: { entries: EntriesPage } }>(ENTRIES, variables);
}

/** Every row of a ranking, page after page. */
async function allPages(
  variables: Record<string, unknown>,
): Promise<{ rows: Ranked[]; totalCount: number; pages: number }> {
  const rows: Ranked[] = [];
  let after: string | null = null;
  let pages = 0;
  let totalCount: number;
  for (;;) {
    const entries: EntriesPage = dataOf(await entriesPage({ ...variables, after })).leaderboardById.entries;
    pages += 1;
    totalCount = entries.totalCount;
    rows.push(...entries.edges.map((edge) => edge.node));
    if (!entries.pageInfo.hasNextPage) break;
    after = entries.pageInfo.endCursor;
  }
  return { rows, totalCount, pages };
}

const ranksOf = (rows: Ranked[]) => rows.map((ranked) => [ranked.result.modelName, ranked.rank]);

describe('Leaderboard.entries on the real SQuAD1.1 table', () => {
  it('pages all 223 rows to the end: no duplicate, ranks in order, ties shared, unnamed rows kept', async () => {
    // The samples' 217 rows less one exact repeat, and the sample graph's own 7 rows.
    const { rows, totalCount, pages } = await allPages({ id: SQUAD, metric: 'EM', first: 30 });
    expect(totalCount).toBe(223);
    expect(rows).toHaveLength(223);
    expect(pages).toBe(8);
    expect(new Set(rows.map((ranked) => ranked.result.id)).size).toBe(223);
    const readable = rows.filter((ranked) => ranked.value.value !== null).map((ranked) => ranked.value.value as number);
    rows.forEach((ranked, index) => {
      if (index > 0) expect(ranked.rank).toBeGreaterThanOrEqual(rows[index - 1].rank);
      // A rank is one more than the rows strictly better: ties share it (1, 1, 3).
      const expected =
        ranked.value.value === null
          ? readable.length + 1
          : 1 + readable.filter((value) => value > (ranked.value.value as number)).length;
      expect(ranked.rank).toBe(expected);
    });
    expect(rows.some((ranked, index) => index > 0 && ranked.rank === rows[index - 1].rank)).toBe(true);
    expect(rows.filter((ranked) => ranked.result.modelName === 'Unnamed model')).toHaveLength(32);
  });

  it('matches a metric in any case when unambiguous, and rows are its first page', async () => {
    const exact = dataOf(await entriesPage({ id: SQUAD, metric: 'EM', first: 5 })).leaderboardById.entries;
    const lower = dataOf(await entriesPage({ id: SQUAD, metric: 'em', first: 5 })).leaderboardById.entries;
    expect(lower.edges.map((edge) => edge.node)).toEqual(exact.edges.map((edge) => edge.node));
    const { leaderboardById } = dataOf(
      await execute<{ leaderboardById: { rows: Ranked[] } }>(
        `{ leaderboardById(id: "${SQUAD}") { rows(metric: "em", first: 5) { rank value { raw value metric { name } } result { id modelName date usesAdditionalData codeLinks } } } }`,
      ),
    );
    expect(leaderboardById.rows).toEqual(exact.edges.map((edge) => edge.node));
  });

  it('refuses an unknown metric, naming the ones there are', async () => {
    const { result } = await entriesPage({ id: SQUAD, metric: 'BLEU' });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].message).toBe(`Leaderboard ${SQUAD} has no metric "BLEU"; its metrics are: "EM", "F1".`);
  });

  it('refuses a forged cursor', async () => {
    const forged = Buffer.from(JSON.stringify(['RANK', ['no'], 'x'])).toString('base64url');
    const { result } = await entriesPage({ id: SQUAD, after: forged });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('Leaderboard.entries ranks worked out by hand', () => {
  it('ranks higher-is-better with ties sharing a rank, the earlier first, unreadable last, across pages', async () => {
    const { rows, pages } = await allPages({ id: HAND_MADE_ID, first: 2 });
    expect(pages).toBe(3);
    expect(ranksOf(rows)).toEqual([
      ['C', 1],
      ['B', 1],
      ['D', 3],
      ['A', 4],
      ['X', 5],
    ]);
  });

  it('ranks lower-is-better ascending, leaving out the row without a value', async () => {
    const { rows } = await allPages({ id: HAND_MADE_ID, metric: 'Error' });
    expect(ranksOf(rows)).toEqual([
      ['B', 1],
      ['C', 2],
      ['A', 3],
      ['X', 4],
    ]);
  });

  it('recomputes ranks among the rows a filter keeps', async () => {
    const ranks = async (filter: Record<string, unknown>) => {
      const { rows, totalCount } = await allPages({ id: HAND_MADE_ID, filter });
      expect(totalCount).toBe(rows.length);
      return ranksOf(rows);
    };
    expect(await ranks({ usesAdditionalData: false })).toEqual([
      ['C', 1],
      ['D', 2],
      ['A', 3],
      ['X', 4],
    ]);
    expect(await ranks({ usesAdditionalData: true })).toEqual([['B', 1]]);
    expect(await ranks({ hasCode: true })).toEqual([
      ['B', 1],
      ['D', 2],
    ]);
    expect(await ranks({ hasCode: false })).toEqual([
      ['C', 1],
      ['A', 2],
      ['X', 3],
    ]);
    expect(await ranks({ from: '2020-01-01' })).toEqual([
      ['B', 1],
      ['D', 2],
      ['A', 3],
    ]);
    expect(await ranks({ from: '2020-01-01', to: '2021-12-31' })).toEqual([
      ['B', 1],
      ['A', 2],
    ]);
  });

  it('refuses a date range that ends before it starts', async () => {
    const { result } = await entriesPage({ id: HAND_MADE_ID, filter: { from: '2022-01-01', to: '2021-01-01' } });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].message).toBe('`filter.from` (2022-01-01) is after `filter.to` (2021-01-01).');
  });

  it('gives the SOTA history and lastSotaAt under the same filter', async () => {
    const { leaderboardById } = dataOf(
      await execute<{ leaderboardById: Record<string, unknown> }>(`{ leaderboardById(id: "${HAND_MADE_ID}") {
        all: sotaHistory(metric: "accuracy") { date value result { modelName } }
        recent: sotaHistory(metric: "Accuracy", filter: { from: "2020-01-01" }) { date value result { modelName } }
        last: lastSotaAt
        lastWithExtra: lastSotaAt(filter: { usesAdditionalData: true })
        lastRecent: lastSotaAt(metric: "Accuracy", filter: { from: "2020-01-01" })
        lastError: lastSotaAt(metric: "Error")
      } }`),
    );
    expect(leaderboardById).toEqual({
      all: [{ date: '2019-06-01', value: 3, result: { modelName: 'C' } }],
      recent: [
        { date: '2020-01-01', value: 1, result: { modelName: 'A' } },
        { date: '2021-01-01', value: 3, result: { modelName: 'B' } },
      ],
      last: '2019-06-01',
      lastWithExtra: '2021-01-01',
      lastRecent: '2021-01-01',
      lastError: '2021-01-01',
    });
  });
});

describe('Dataset.bestResult and metric names', () => {
  it('finds the best row by a metric in any case, and refuses a metric no leaderboard measures', async () => {
    const best = await execute<{ dataset: { bestResult: { modelName: string } | null } }>(
      `{ dataset(id: "rankbench") { bestResult(metric: "error") { modelName } } }`,
    );
    expect(dataOf(best).dataset.bestResult).toEqual({ modelName: 'B' });
    const { result } = await execute(
      `{ dataset(id: "rankbench") { bestResult(metric: "no such metric") { modelName } } }`,
    );
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].message).toBe(
      'Dataset rankbench has no metric "no such metric"; its metrics are: "Accuracy", "Error".',
    );
  });
});

interface Listed {
  id: string;
  resultCount: number;
  lastSotaAt: string | null;
  name: string;
}

const LEADERBOARDS = `query List($filter: LeaderboardListFilter, $orderBy: LeaderboardOrder, $first: Int, $after: String) {
  leaderboards(filter: $filter, orderBy: $orderBy, first: $first, after: $after) {
    totalCount
    nodes { id name resultCount lastSotaAt }
    pageInfo { hasNextPage endCursor }
  }
}`;

async function allLeaderboards(variables: Record<string, unknown>) {
  const listed: Listed[] = [];
  let after: string | null = null;
  let totalCount: number;
  for (;;) {
    type Page = { totalCount: number; nodes: Listed[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    const leaderboards: Page = dataOf(
      await execute<{ leaderboards: Page }>(LEADERBOARDS, { ...variables, after }),
    ).leaderboards;
    totalCount = leaderboards.totalCount;
    listed.push(...leaderboards.nodes);
    if (!leaderboards.pageInfo.hasNextPage) break;
    after = leaderboards.pageInfo.endCursor;
  }
  expect(listed).toHaveLength(totalCount);
  expect(new Set(listed.map((board) => board.id)).size).toBe(totalCount);
  return listed;
}

describe('Query.leaderboards', () => {
  it('lists every leaderboard, most results first, paged without duplicates', async () => {
    const listed = await allLeaderboards({ first: 4 });
    expect(listed.length).toBeGreaterThan(10);
    const counts = listed.map((board) => board.resultCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(listed[0].id).toBe('question-answering-on-squad2-0');
  });

  it('orders by the latest state of the art, which each leaderboard’s lastSotaAt gives', async () => {
    const listed = await allLeaderboards({ orderBy: 'LAST_SOTA_DESC', first: 5 });
    const dated = listed.filter((board) => board.lastSotaAt !== null).map((board) => board.lastSotaAt as string);
    expect(dated).toEqual([...dated].sort().reverse());
    // Leaderboards without a dated result come last.
    expect(listed.slice(dated.length).every((board) => board.lastSotaAt === null)).toBe(true);
    expect(listed.find((board) => board.id === HAND_MADE_ID)?.lastSotaAt).toBe('2019-06-01');
    // The date the importer keeps for the order is the one the SOTA history gives.
    for (const board of listed) {
      const { leaderboardById } = dataOf(
        await execute<{ leaderboardById: { metrics: { name: string }[] } }>(
          `query($id: ID!) { leaderboardById(id: $id) { metrics { name } } }`,
          { id: board.id },
        ),
      );
      const first = leaderboardById.metrics[0]?.name;
      if (!first) continue;
      const computed = dataOf(
        await execute<{ leaderboardById: { lastSotaAt: string | null } }>(
          `query($id: ID!, $metric: String) { leaderboardById(id: $id) { lastSotaAt(metric: $metric) } }`,
          { id: board.id, metric: first },
        ),
      );
      expect({ id: board.id, lastSotaAt: computed.leaderboardById.lastSotaAt }).toEqual({
        id: board.id,
        lastSotaAt: board.lastSotaAt,
      });
    }
  });

  it('orders by name and filters by task, dataset, area and size', async () => {
    const byName = await allLeaderboards({ orderBy: 'NAME_ASC', first: 100 });
    const names = byName.map((board) => board.name.toLowerCase());
    expect(names).toEqual([...names].sort());
    const qa = await allLeaderboards({ filter: { task: 'question-answering' } });
    expect(qa.map((board) => board.id)).toContain(SQUAD);
    expect(qa).toHaveLength(4);
    expect((await allLeaderboards({ filter: { dataset: 'rankbench' } })).map((board) => board.id)).toEqual([
      HAND_MADE_ID,
    ]);
    const big = await allLeaderboards({ filter: { minResults: 200 } });
    expect(big.every((board) => board.resultCount >= 200)).toBe(true);
    expect(big.map((board) => board.id)).toContain(SQUAD);
    const cv = await allLeaderboards({ filter: { area: 'computer-vision' } });
    expect(cv.map((board) => board.id)).toContain('personalized-image-generation-on-dreambooth');
    expect(cv.map((board) => board.id)).not.toContain(SQUAD);
    // Two anchors given: the list starts from the task and checks the area.
    const qaInNlp = await allLeaderboards({
      filter: { task: 'question-answering', area: 'natural-language-processing' },
    });
    expect(qaInNlp.map((board) => board.id).sort()).toEqual(qa.map((board) => board.id).sort());
    expect(await allLeaderboards({ filter: { task: 'question-answering', area: 'computer-vision' } })).toEqual([]);
  });

  it('refuses a negative minResults', async () => {
    const { result } = await execute(LEADERBOARDS, { filter: { minResults: -1 } });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
  });
});
