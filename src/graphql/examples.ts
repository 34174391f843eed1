import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Kind, parse, type OperationDefinitionNode } from 'graphql';

/** One named operation of schema/examples.graphql, with its own text (as a client sends it). */
export interface ExampleOperation {
  name: string;
  text: string;
}

/** schema/examples.graphql: the queries a dashboard sends; the explorer offers them, the metrics label them. */
export function readExamples(schemaDir: string): { text: string; operations: ExampleOperation[] } {
  const text = readFileSync(path.join(schemaDir, 'examples.graphql'), 'utf8');
  const operations = parse(text)
    .definitions.filter(
      (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
    )
    .map((operation) => ({
      name: operation.name?.value ?? '',
      text: operation.loc ? text.slice(operation.loc.start, operation.loc.end) : '',
    }));
  return { text, operations };
}
