import { dataOf, SEED_PAPER, useSampleApi } from './support/api';
import { EXAMPLE_NAMES, operationText } from './support/examples';

const { execute } = useSampleApi();

const SEED_TITLE = 'An Image is Worth One Word: Personalizing Text-to-Image Generation using Textual Inversion';
const SEED_LEADERBOARD = 'personalized-image-generation-on-dreambooth';

/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- the answers are JSON; the expectations below check their shape */
/** What each example must answer on the sample graph: the seed page's facts, beyond the snapshot. */
const FACTS: Record<string, (data: any) => void> = {
  PaperPage: ({ paper }) => {
    expect(paper.title).toBe(SEED_TITLE);
    expect(paper.publishedAt).toBe('2022-08-02');
    expect(paper.authors.map((author: any) => author.name)).toHaveLength(7);
    expect(paper.authors[0].name).toBe('Rinon Gal');
    expect(paper.tasks.map((task: any) => task.id)).toContain('personalized-image-generation');
    const textualInversion = paper.results.find((result: any) => result.modelName === 'Textual Inversion SD v1.5');
    expect(Object.fromEntries(textualInversion.values.map((value: any) => [value.metric.name, value.value]))).toEqual({
      'Concept Preservation (CP)': 0.378,
      'Prompt Following (PF)': 0.624,
      'Overall (CP * PF)': 0.236,
    });
    expect(paper.relatedPapers.length).toBeGreaterThan(0);
  },
  TaskPage: ({ task }) => {
    expect(task.id).toBe('personalized-image-generation');
    expect(task.papers.totalCount).toBe(task.paperCount);
    expect(task.papers.edges.map((edge: any) => edge.node.id)).toContain(SEED_PAPER);
    const leaderboard = task.leaderboards.find((board: any) => board.id === SEED_LEADERBOARD);
    expect(leaderboard.rows.map((row: any) => row.rank)).toEqual([1, 2, 3]);
  },
  LeaderboardPage: ({ leaderboard }) => {
    expect(leaderboard.id).toBe(SEED_LEADERBOARD);
    const values = leaderboard.rows.map((row: any) => row.value.value);
    expect(values).toEqual([...values].sort((a, b) => b - a));
    expect(leaderboard.rows.map((row: any) => row.rank)).toEqual(values.map((_: unknown, i: number) => i + 1));
    const ours = leaderboard.rows.find((row: any) => row.result.paper?.id === SEED_PAPER);
    expect(ours.value.raw).toBe('0.236');
    const history = leaderboard.sotaHistory.map((step: any) => step.value);
    expect(history).toEqual([...history].sort((a, b) => a - b));
  },
  DatasetPage: ({ dataset }) => {
    expect(dataset.id).toBe('dreambooth');
    expect(dataset.introducedBy.id).toBe('dreambooth-fine-tuning-text-to-image');
    expect(dataset.leaderboards.map((board: any) => board.id)).toContain(SEED_LEADERBOARD);
    expect(dataset.bestResult).not.toBeNull();
  },
  AuthorPage: ({ author }) => {
    expect(author.name).toBe('Daniel Cohen-Or');
    expect(author.papers.totalCount).toBe(author.paperCount);
    const dates = author.papers.nodes.map((paper: any) => paper.publishedAt);
    expect(dates).toEqual([...dates].sort().reverse());
    const together = author.coauthors.map((coauthor: any) => coauthor.papersTogether);
    expect(together).toEqual([...together].sort((a, b) => b - a));
    expect(author.coauthors[0].author.id).toBe('amir-hertz');
  },
  RelatedWork: ({ paper }) => {
    const scores = paper.relatedPapers.map((related: any) => related.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(paper.relatedPapers.map((related: any) => related.paper.id)).not.toContain(SEED_PAPER);
    expect(paper.relatedPapers[0].reasons.length).toBeGreaterThan(0);
  },
  TaskRelatedWork: ({ task }) => {
    expect(task.relatedPapers.map((related: any) => related.paper.id)).toContain(SEED_PAPER);
  },
  PaperFeed: ({ papers }) => {
    const dates = papers.nodes.map((paper: any) => paper.publishedAt);
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((date: string) => date >= '2021')).toBe(true);
    expect(papers.nodes.every((paper: any) => paper.repositories.length > 0)).toBe(true);
  },
  BrowseTasks: ({ areas, tasks }) => {
    expect(areas.map((area: any) => area.id)).toContain('computer-vision');
    expect(tasks.nodes.map((task: any) => task.id)).toContain('personalized-image-generation');
  },
  Search: ({ search }) => {
    expect(search[0]).toMatchObject({ type: 'PAPER', id: SEED_PAPER });
  },
  PaperLookup: ({ paperByArxivId, paperByUrl, papersByIds }) => {
    expect(paperByArxivId).toMatchObject({ id: SEED_PAPER, title: SEED_TITLE, arxivId: '2208.01618' });
    expect(paperByUrl.id).toBe(SEED_PAPER);
    expect(papersByIds.map((paper: any) => paper.id)).toEqual([SEED_PAPER, 'dreambooth-fine-tuning-text-to-image']);
  },
  CompleteLeaderboard: ({ leaderboardById }) => {
    const { entries } = leaderboardById;
    expect(entries.totalCount).toBe(entries.edges.length);
    expect(entries.edges.map((edge: any) => edge.node.rank)).toEqual(
      entries.edges.map((_: unknown, i: number) => i + 1),
    );
    expect(entries.edges.some((edge: any) => edge.node.result.paper?.id === SEED_PAPER)).toBe(true);
    expect(leaderboardById.lastSotaAt).toBe(leaderboardById.sotaHistory.at(-1).date);
  },
  Benchmarks: ({ notable, recent }) => {
    expect(notable.nodes.map((board: any) => board.id)).toContain(SEED_LEADERBOARD);
    const counts = notable.nodes.map((board: any) => board.resultCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    const dates = recent.nodes.map((board: any) => board.lastSotaAt).filter(Boolean);
    expect(dates).toEqual([...dates].sort().reverse());
  },
  SearchResults: ({ searchResults }) => {
    expect(searchResults.edges[0].node).toMatchObject({ __typename: 'Paper', id: SEED_PAPER });
    expect(searchResults.totalCount).toBeGreaterThanOrEqual(searchResults.edges.length);
  },
  Suggest: ({ suggest }) => {
    expect(suggest[0]).toMatchObject({ type: 'TASK', id: 'text-to-image-generation' });
  },
  Compare: ({ compare }) => {
    const seed = compare.find((comparison: any) => comparison.leaderboard.id === SEED_LEADERBOARD);
    expect(seed.entries.map((entry: any) => entry.paper.id)).toEqual([
      SEED_PAPER,
      'dreambooth-fine-tuning-text-to-image',
    ]);
    expect(seed.entries.every((entry: any) => entry.rank >= 1)).toBe(true);
  },
  Facets: ({ papers }) => {
    expect(papers.totalCount).toBe(8);
    expect(papers.facets.tasks[0]).toEqual({
      value: 'text-to-image-generation',
      name: 'Text-to-Image Generation',
      count: 8,
    });
    expect(papers.facets.years.reduce((sum: number, year: any) => sum + year.count, 0)).toBeLessThanOrEqual(8);
    expect(papers.facets.withCode).toBeGreaterThan(0);
  },
};
/* eslint-enable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return */

describe('schema/examples.graphql', () => {
  it('holds the dashboard queries, each named', () => {
    expect(EXAMPLE_NAMES).toEqual([
      'PaperPage',
      'TaskPage',
      'LeaderboardPage',
      'DatasetPage',
      'AuthorPage',
      'RelatedWork',
      'TaskRelatedWork',
      'PaperFeed',
      'BrowseTasks',
      'Search',
      'SearchResults',
      'Suggest',
      'PaperLookup',
      'CompleteLeaderboard',
      'Benchmarks',
      'Compare',
      'Facets',
    ]);
  });

  it.each(EXAMPLE_NAMES.map((name) => [name]))(
    '%s runs against the sample graph with its default variables and answers what the graph holds',
    async (name) => {
      const data = dataOf(await execute(operationText(name)));
      FACTS[name](data);
      // Every other field, as a reviewable diff when an answer changes.
      expect(data).toMatchSnapshot();
    },
  );
});
