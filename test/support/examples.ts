import path from 'node:path';
import { PROJECT_ROOT } from '../../src/config';
import { readExamples } from '../../src/graphql/examples';

const examples = readExamples(path.join(PROJECT_ROOT, 'schema'));

/** schema/examples.graphql: the dashboard queries the tests run and the benchmarks time. */
export const EXAMPLES = examples.text;

export const EXAMPLE_NAMES = examples.operations.map((operation) => operation.name);

/** One operation of the examples, as a client that sends only what it runs. */
export function operationText(name: string): string {
  const operation = examples.operations.find((candidate) => candidate.name === name);
  if (!operation) throw new Error(`no operation ${name} in schema/examples.graphql`);
  return operation.text;
}
