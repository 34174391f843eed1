import { GraphQLError, Kind, type FragmentDefinitionNode, type SelectionSetNode, type ValidationRule } from 'graphql';

/** The longest `ofType { ofType { … } }` chain allowed: graphql-js's own introspection query needs 9. */
export const MAX_OF_TYPE_DEPTH = 10;
/** `__schema` fields per operation: one is all a client needs. */
export const MAX_SCHEMA_FIELDS = 1;
/** `__type` fields per operation. */
export const MAX_TYPE_FIELDS = 10;

interface Tally {
  schema: number;
  type: number;
  deepestOfType: number;
}

function tally(
  selectionSet: SelectionSetNode | undefined,
  fragments: ReadonlyMap<string, FragmentDefinitionNode>,
  ofTypeChain: number,
  into: Tally,
  visiting: Set<string>,
): void {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.kind === Kind.FIELD) {
      const name = selection.name.value;
      if (name === '__schema') into.schema += 1;
      if (name === '__type') into.type += 1;
      const chain = name === 'ofType' ? ofTypeChain + 1 : 0;
      into.deepestOfType = Math.max(into.deepestOfType, chain);
      // Past the limit the operation is refused anyway: no need to walk deeper.
      if (chain <= MAX_OF_TYPE_DEPTH) tally(selection.selectionSet, fragments, chain, into, visiting);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      tally(selection.selectionSet, fragments, ofTypeChain, into, visiting);
    } else if (!visiting.has(selection.name.value)) {
      visiting.add(selection.name.value);
      tally(fragments.get(selection.name.value)?.selectionSet, fragments, ofTypeChain, into, visiting);
      visiting.delete(selection.name.value);
    }
  }
}

/**
 * Introspection resolves from memory and is not priced like data, so it is bounded here instead:
 * at most one `__schema` and MAX_TYPE_FIELDS `__type` fields per operation (fragments expanded),
 * and `ofType` chains of at most MAX_OF_TYPE_DEPTH (graphql-js's own depth rule does not bound
 * them). Every standard introspection query (graphql-js's, with every option; GraphiQL's;
 * Apollo Sandbox's; GraphQL Code Generator's) stays within these.
 */
export const introspectionBounds: ValidationRule = (context) => {
  const fragments = new Map(
    context
      .getDocument()
      .definitions.filter(
        (definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION,
      )
      .map((fragment) => [fragment.name.value, fragment]),
  );
  return {
    OperationDefinition(node) {
      const found: Tally = { schema: 0, type: 0, deepestOfType: 0 };
      tally(node.selectionSet, fragments, 0, found, new Set());
      const refuse = (message: string) => context.reportError(new GraphQLError(message, { nodes: [node] }));
      if (found.schema > MAX_SCHEMA_FIELDS) {
        refuse(`The operation asks for __schema ${found.schema} times; once is the limit.`);
      }
      if (found.type > MAX_TYPE_FIELDS) {
        refuse(`The operation asks for __type ${found.type} times; the limit is ${MAX_TYPE_FIELDS}.`);
      }
      if (found.deepestOfType > MAX_OF_TYPE_DEPTH) {
        refuse(`The operation nests ofType more than ${MAX_OF_TYPE_DEPTH} deep; the limit is ${MAX_OF_TYPE_DEPTH}.`);
      }
    },
  };
};
