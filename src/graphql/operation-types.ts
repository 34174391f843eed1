import { GraphQLError, OperationTypeNode, type ValidationRule } from 'graphql';

/**
 * Refuses operations this endpoint cannot run, as validation errors with a message that says why:
 * a mutation or subscription when the schema has none, and any subscription over HTTP (graphql-js
 * would otherwise fail it during execution, which reads as an internal error).
 */
export const supportedOperationTypes: ValidationRule = (context) => ({
  OperationDefinition(node) {
    const schema = context.getSchema();
    if (node.operation === OperationTypeNode.MUTATION && !schema.getMutationType()) {
      context.reportError(
        new GraphQLError('This API has no mutations: it is read-only. Send a `query` operation.', { nodes: [node] }),
      );
    }
    if (node.operation === OperationTypeNode.SUBSCRIPTION) {
      context.reportError(
        new GraphQLError(
          schema.getSubscriptionType()
            ? 'Subscriptions are not served over HTTP: open a graphql-ws WebSocket to /graphql.'
            : 'This API has no subscriptions. Send a `query` operation.',
          { nodes: [node] },
        ),
      );
    }
  },
});
