import path from 'node:path';
import { parse } from 'graphql';
import { loadConfig, PROJECT_ROOT } from '../config';
import { LIST_SIZES, operationCost, unpagedObjectLists } from './cost';
import { readExamples } from './examples';
import { buildGraphQLSchema } from './schema';

/** The heavy but legal query of the fair-sharing issue: 100 papers and 100 tasks, each with 95 related papers. */
const HEAVY_QUERY = `{
  a: papers(first: 100) { nodes { relatedPapers(first: 95) { score } } }
  b: tasks(first: 100) { nodes { relatedPapers(first: 95) { score } } }
}`;

describe('the cost model', () => {
  let schema: Awaited<ReturnType<typeof buildGraphQLSchema>>;
  beforeAll(async () => {
    schema = await buildGraphQLSchema();
  });
  const cost = (query: string, variables: Record<string, unknown> = {}) =>
    operationCost(schema, parse(query), variables);

  it('prices every list of objects without `first` by a measured size, and names only real lists', () => {
    expect(unpagedObjectLists(schema).filter((field) => !(field in LIST_SIZES))).toEqual([]);
    expect(Object.keys(LIST_SIZES).filter((field) => !unpagedObjectLists(schema).includes(field))).toEqual([]);
  });

  it('prices lists without `first` by their p99 sizes: 46 authors, 13 tasks a paper', () => {
    expect(cost('{ paper(id: "x") { authors { id name } } }')).toBe(1 + 1 + 46 * 2);
    expect(cost('{ papers(first: 10) { nodes { tasks { id } } } }')).toBe(1 + 10 * (1 + 1 + 13));
  });

  it('prices a search by the index queries it runs', () => {
    expect(cost('{ search(query: "x", types: [TASK], first: 10) { id } }')).toBe(1 + 10);
    expect(cost('{ search(query: "x", first: 10) { id } }')).toBe(1 + 5 * 10);
    expect(cost('{ search(query: "x", types: [TASK, TASK], first: 10) { id } }')).toBe(1 + 10);
  });

  it('gives each example of schema/examples.graphql its cost, all far under the limit', () => {
    const examples = readExamples(path.join(PROJECT_ROOT, 'schema'));
    const costs = Object.fromEntries(examples.operations.map((operation) => [operation.name, cost(operation.text)]));
    expect(costs).toMatchSnapshot();
    for (const value of Object.values(costs)) expect(value).toBeLessThan(loadConfig({}).limits.heavyCost);
  });

  it('prices the heavy query near the limit of 20,000, and over the heavy threshold of 5,000', () => {
    expect(cost(HEAVY_QUERY)).toBe(19402);
    expect(cost(HEAVY_QUERY)).toBeGreaterThan(loadConfig({}).limits.heavyCost);
  });
});
