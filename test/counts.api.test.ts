import { dataOf, useSampleApi } from './support/api';

// Every count the API gives equals the papers it lists: tasks, datasets and methods of the sample
// graph, and the rarity related papers weigh links by (ln(N / papers of the link) / ln(N)).
const { execute } = useSampleApi();

interface Counted {
  id: string;
  paperCount: number;
  papers: { totalCount: number; nodes: { id: string }[]; pageInfo: { hasNextPage: boolean } };
}

const list = (kind: string) =>
  `{ ${kind}(first: 50) { pageInfo { hasNextPage } nodes { id paperCount papers(first: 50) { totalCount nodes { id } pageInfo { hasNextPage } } } } }`;

type Kind = 'tasks' | 'datasets' | 'methods';
type Lists = Record<Kind, { nodes: Counted[]; pageInfo: { hasNextPage: boolean } }> & {
  papers: { totalCount: number };
};

describe('counts count what they say', () => {
  let lists: Lists;
  beforeAll(async () => {
    lists = {} as Lists;
    for (const kind of ['tasks', 'datasets', 'methods'] as const)
      Object.assign(lists, dataOf(await execute(list(kind))));
    Object.assign(lists, dataOf(await execute('{ papers(first: 1) { totalCount } }')));
  });

  it.each(['tasks', 'datasets', 'methods'] as const)('%s: paperCount = totalCount = the papers listed', (kind) => {
    expect(lists[kind].nodes.length).toBeGreaterThan(0);
    expect(lists[kind].pageInfo.hasNextPage).toBe(false);
    for (const node of lists[kind].nodes) {
      expect(node.papers.pageInfo.hasNextPage).toBe(false);
      expect({ id: node.id, paperCount: node.paperCount, totalCount: node.papers.totalCount }).toEqual({
        id: node.id,
        paperCount: node.papers.nodes.length,
        totalCount: node.papers.nodes.length,
      });
    }
  });

  it('image-classification counts its 6 papers, not the datasets that list it', () => {
    const task = lists.tasks.nodes.find((node) => node.id === 'image-classification');
    expect(task?.paperCount).toBe(6);
  });

  it('related papers weigh a shared task and a leaderboard by the papers they hold', async () => {
    const N = lists.papers.totalCount;
    const { paper } = dataOf(
      await execute<{
        paper: {
          relatedPapers: { reasons: { kind: string; id: string; weight: number }[] }[];
        };
      }>(`{ paper(id: "an-image-is-worth-one-word-personalizing") {
        relatedPapers(first: 20) { reasons { kind id weight } }
      } }`),
    );
    const rarity = (kindWeight: number, papers: number) => (kindWeight * Math.log(N / papers)) / Math.log(N);
    const reasons = paper.relatedPapers.flatMap((related) => related.reasons);
    const taskReasons = reasons.filter((reason) => reason.kind === 'SHARED_TASK');
    expect(taskReasons.length).toBeGreaterThan(0);
    for (const reason of taskReasons) {
      const task = lists.tasks.nodes.find((node) => node.id === reason.id);
      expect(reason.weight).toBeCloseTo(rarity(0.8, task?.paperCount ?? NaN), 10);
    }
    // The figures the issue computed by hand from the formula (they were 0.299 and 0.299 while
    // datasets were counted as papers).
    expect(taskReasons.find((reason) => reason.id === 'image-generation')?.weight).toBeCloseTo(0.319, 3);
    expect(taskReasons.find((reason) => reason.id === 'text-to-image-generation')?.weight).toBeCloseTo(0.365, 3);
    const boardReasons = reasons.filter((reason) => reason.kind === 'SAME_LEADERBOARD');
    for (const reason of boardReasons) {
      const { leaderboardById } = dataOf(
        await execute<{ leaderboardById: { entries: { nodes: { result: { paper: { id: string } | null } }[] } } }>(
          `query($id: ID!) { leaderboardById(id: $id) { entries(first: 100) { nodes { result { paper { id } } } } } }`,
          { id: reason.id },
        ),
      );
      const papers = new Set(leaderboardById.entries.nodes.map((node) => node.result.paper?.id).filter(Boolean));
      expect(reason.weight).toBeCloseTo(rarity(1, papers.size), 10);
    }
  });
});
