// The peer's versions of the example operations (bench/peer/examples.graphql): the same names
// and variables as schema/examples.graphql, so the benchmark sends each server its own text with
// the same variable sets.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';

export const PEER_EXAMPLES = readFileSync(path.join(__dirname, 'examples.graphql'), 'utf8');

export const PEER_OPERATIONS = parse(PEER_EXAMPLES).definitions.filter(
  (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
);

/** One peer operation, as a client that sends only what it runs. */
function peerOperationText(name: string): string {
  const operation = PEER_OPERATIONS.find((candidate) => candidate.name?.value === name);
  if (!operation?.loc) throw new Error(`no operation ${name} in bench/peer/examples.graphql`);
  return PEER_EXAMPLES.slice(operation.loc.start, operation.loc.end);
}

/** The HTTP bodies of a peer operation, one per variable set (as requestBodies in bench/example-load.ts). */
export function peerRequestBodies(name: string, variables: Record<string, unknown>[]): string[] {
  return variables.map((set) =>
    JSON.stringify({ query: peerOperationText(name), operationName: name, variables: set }),
  );
}
