import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { PROJECT_ROOT } from '../../src/config';

/** schema/examples.graphql: the dashboard queries the tests run and the benchmarks time. */
export const EXAMPLES = readFileSync(path.join(PROJECT_ROOT, 'schema', 'examples.graphql'), 'utf8');

export const EXAMPLE_OPERATIONS = parse(EXAMPLES).definitions.filter(
  (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
);

export const EXAMPLE_NAMES = EXAMPLE_OPERATIONS.map((operation) => operation.name?.value as string);

/** One operation of the examples, as a client that sends only what it runs. */
export function operationText(name: string): string {
  const operation = EXAMPLE_OPERATIONS.find((candidate) => candidate.name?.value === name);
  if (!operation?.loc) throw new Error(`no operation ${name} in schema/examples.graphql`);
  return EXAMPLES.slice(operation.loc.start, operation.loc.end);
}
