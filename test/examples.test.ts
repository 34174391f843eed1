import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { PROJECT_ROOT } from '../src/config';
import { dataOf, useSampleApi } from './support/api';

const EXAMPLES = readFileSync(path.join(PROJECT_ROOT, 'schema', 'examples.graphql'), 'utf8');
const operations = parse(EXAMPLES).definitions.filter(
  (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
);

const { execute } = useSampleApi();

/** Whether a response holds something at every top-level field (no null page, no empty root list). */
function answered(data: Record<string, unknown>): boolean {
  return Object.values(data).every((value) => value !== null && (!Array.isArray(value) || value.length > 0));
}

describe('schema/examples.graphql', () => {
  it('holds the dashboard queries, each named', () => {
    expect(operations.map((operation) => operation.name?.value)).toEqual([
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

  it.each(operations.map((operation) => [operation.name?.value as string]))(
    '%s runs against the sample graph with its default variables and answers',
    async (name) => {
      const data = dataOf(await execute(operationText(name)));
      expect(answered(data)).toBe(true);
    },
  );
});

/** The document with only the named operation, as Sandbox sends it when that operation is run. */
function operationText(name: string): string {
  const operation = operations.find((candidate) => candidate.name?.value === name);
  if (!operation?.loc) throw new Error(`no operation ${name}`);
  return EXAMPLES.slice(operation.loc.start, operation.loc.end);
}
