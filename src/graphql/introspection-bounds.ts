import { GraphQLError, type ValidationRule } from 'graphql';
import { fragmentsOf, walkFields } from './selections';

/** The longest `ofType { ofType { … } }` chain allowed: graphql-js's own introspection query needs 9. */
export const MAX_OF_TYPE_DEPTH = 10;
/** `__schema` fields per operation: one is all a client needs. */
export const MAX_SCHEMA_FIELDS = 1;
/** `__type` fields per operation. */
export const MAX_TYPE_FIELDS = 10;

/**
 * Introspection resolves from memory and is not priced like data, so it is bounded here instead:
 * at most one `__schema` and MAX_TYPE_FIELDS `__type` fields per operation (fragments expanded),
 * and `ofType` chains of at most MAX_OF_TYPE_DEPTH (graphql-js's own depth rule does not bound
 * them). Every standard introspection query (graphql-js's, with every option; GraphiQL's;
 * Apollo Sandbox's; GraphQL Code Generator's) stays within these.
 */
export const introspectionBounds: ValidationRule = (context) => {
  const fragments = fragmentsOf(context.getDocument());
  return {
    OperationDefinition(node) {
      let schemaFields = 0;
      let typeFields = 0;
      let deepestOfType = 0;
      // The state is the length of the `ofType` chain the field ends.
      walkFields(node.selectionSet, fragments, 0, (field, parentChain) => {
        const name = field.name.value;
        if (name === '__schema') schemaFields += 1;
        if (name === '__type') typeFields += 1;
        const chain = name === 'ofType' ? parentChain + 1 : 0;
        deepestOfType = Math.max(deepestOfType, chain);
        // Past the limit the operation is refused anyway: no need to walk deeper.
        return chain <= MAX_OF_TYPE_DEPTH ? chain : undefined;
      });
      const refuse = (message: string) => context.reportError(new GraphQLError(message, { nodes: [node] }));
      if (schemaFields > MAX_SCHEMA_FIELDS) {
        refuse(`The operation asks for __schema ${schemaFields} times; once is the limit.`);
      }
      if (typeFields > MAX_TYPE_FIELDS) {
        refuse(`The operation asks for __type ${typeFields} times; the limit is ${MAX_TYPE_FIELDS}.`);
      }
      if (deepestOfType > MAX_OF_TYPE_DEPTH) {
        refuse(`The operation nests ofType more than ${MAX_OF_TYPE_DEPTH} deep; the limit is ${MAX_OF_TYPE_DEPTH}.`);
      }
    },
  };
};
