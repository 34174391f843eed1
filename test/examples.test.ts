import { dataOf, useSampleApi } from './support/api';
import { EXAMPLE_NAMES, operationText } from './support/examples';

const { execute } = useSampleApi();

/** Whether a response holds something at every top-level field (no null page, no empty root list). */
function answered(data: Record<string, unknown>): boolean {
  return Object.values(data).every((value) => value !== null && (!Array.isArray(value) || value.length > 0));
}

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
    ]);
  });

  it.each(EXAMPLE_NAMES.map((name) => [name]))(
    '%s runs against the sample graph with its default variables and answers',
    async (name) => {
      const data = dataOf(await execute(operationText(name)));
      expect(answered(data)).toBe(true);
    },
  );
});
