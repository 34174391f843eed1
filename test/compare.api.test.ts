import { cypher } from '../src/db/cypher';
import { dataOf, errorCodes, SEED_PAPER, useSampleApi } from './support/api';

// Head-to-head comparison, checked against the leaderboards' own rankings (`entries`).
const { execute, gateway } = useSampleApi();

interface Row {
  rank: number;
  value: { raw: string; value: number | null };
  result: { id: string; modelName: string; paper: { id: string } | null };
}
interface Compared {
  leaderboard: { id: string };
  metric: { name: string };
  entries: (Row & { paper: { id: string } })[];
}

const COMPARE = `query($papers: [ID!]!) { compare(papers: $papers) {
  leaderboard { id } metric { name }
  entries { paper { id } rank value { raw value } result { id modelName paper { id } } } } }`;

const ENTRIES = `query($id: ID!, $metric: String, $after: String) { leaderboardById(id: $id) {
  entries(metric: $metric, first: 100, after: $after) {
    pageInfo { hasNextPage endCursor }
    nodes { rank value { raw value } result { id modelName paper { id } } } } } }`;

/** Every row of a leaderboard on a metric, in its ranking order. */
async function ranking(id: string, metric: string): Promise<Row[]> {
  const rows: Row[] = [];
  let after: string | null = null;
  for (;;) {
    type Page = { nodes: Row[]; pageInfo: { hasNextPage: boolean; endCursor: string } };
    const page: Page = dataOf(await execute<{ leaderboardById: { entries: Page } }>(ENTRIES, { id, metric, after }))
      .leaderboardById.entries;
    rows.push(...page.nodes);
    if (!page.pageInfo.hasNextPage) return rows;
    after = page.pageInfo.endCursor;
  }
}

// The leaderboard with the most papers, three of its papers, and for each (leaderboard, metric)
// the papers with a value there.
const MOST_PAPERS = cypher(
  'test.mostPapers',
  `MATCH (l:Leaderboard)<-[:ON_LEADERBOARD]-(:Result)-[:FROM_PAPER]->(p:Paper)
   WITH l, collect(DISTINCT p.id) AS papers ORDER BY size(papers) DESC, l.id LIMIT 1
   RETURN l.id AS id, [p IN papers WHERE p <> $seed][..3] AS papers`,
);
const SHARED = cypher(
  'test.sharedBoards',
  `UNWIND $papers AS id
   MATCH (:Paper {id: id})<-[:FROM_PAPER]-(r:Result)-[:ON_LEADERBOARD]->(l:Leaderboard)-[:MEASURES]->(x:Metric)<-[:HAS_VALUE]-(r)
   WITH l, x, count(DISTINCT id) AS papers WHERE papers >= 2
   RETURN l.id + ' / ' + x.name AS board ORDER BY board`,
);

async function compare(papers: string[]) {
  return execute<{ compare: Compared[] }>(COMPARE, { papers });
}

describe('Query.compare', () => {
  let board: string;
  let papers: string[];

  beforeAll(async () => {
    const [most] = await gateway().query<{ id: string; papers: string[] }>(MOST_PAPERS, { seed: SEED_PAPER });
    board = most.id;
    papers = [...most.papers, SEED_PAPER];
    expect(most.papers).toHaveLength(3);
  });

  it('lists every leaderboard and metric two of the papers share, its papers in the order asked', async () => {
    const comparisons = dataOf(await compare(papers)).compare;
    const shared = await gateway().query<{ board: string }>(SHARED, { papers });
    expect(comparisons.map((c) => `${c.leaderboard.id} / ${c.metric.name}`).sort()).toEqual(
      shared.map((row) => row.board),
    );
    expect(comparisons.map((c) => c.leaderboard.id)).toContain(board);
    for (const comparison of comparisons) {
      const ids = comparison.entries.map((entry) => entry.paper.id);
      expect(ids).toEqual(papers.filter((id) => ids.includes(id)));
      expect(ids.length).toBeGreaterThanOrEqual(2);
    }
    // Shared by the most papers first.
    const sizes = comparisons.map((c) => c.entries.length);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
  });

  it('gives each paper its best row with the rank the whole leaderboard gives it', async () => {
    const comparisons = dataOf(await compare(papers)).compare;
    expect(comparisons.length).toBeGreaterThan(0);
    for (const comparison of comparisons) {
      const rows = await ranking(comparison.leaderboard.id, comparison.metric.name);
      const where = { board: comparison.leaderboard.id, metric: comparison.metric.name };
      for (const id of papers) {
        // The ranking's first row of the paper is its best (entries are in ranking order).
        const expected = rows.find((row) => row.result.paper?.id === id);
        const entry = comparison.entries.find((candidate) => candidate.paper.id === id);
        const { paper, ...best } = entry ?? { paper: null };
        expect({ ...where, paper: id, best: entry ? best : undefined }).toEqual({
          ...where,
          paper: id,
          best: expected,
        });
        if (entry) expect(paper).toEqual({ id });
      }
    }
  });

  it('compares the seed paper with DreamBooth on the seed leaderboard', async () => {
    const comparisons = dataOf(await compare([SEED_PAPER, 'dreambooth-fine-tuning-text-to-image'])).compare;
    const seed = comparisons.find((c) => c.leaderboard.id === 'personalized-image-generation-on-dreambooth');
    expect(seed?.entries.map((entry) => entry.paper.id)).toEqual([SEED_PAPER, 'dreambooth-fine-tuning-text-to-image']);
  });

  it('refuses fewer than 2 or more than 5 papers, a paper listed twice and an unknown paper', async () => {
    const cases: [string[], RegExp][] = [
      [[SEED_PAPER], /takes 2 to 5 paper ids; got 1/],
      [['a', 'b', 'c', 'd', 'e', 'f'], /takes 2 to 5 paper ids; got 6/],
      [[SEED_PAPER, SEED_PAPER], /listed twice/],
      [[SEED_PAPER, 'no-such-paper'], /No paper has the id "no-such-paper"/],
    ];
    for (const [asked, message] of cases) {
      const { result } = await compare(asked);
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].message).toMatch(message);
    }
  });
});
