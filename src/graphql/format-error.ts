import { unwrapResolverError } from '@apollo/server/errors';
import type { GraphQLFormattedError } from 'graphql';
import { AppError, ErrorCode } from '../errors';
import type { Logger } from '../logger';

/** Codes Apollo Server itself gives to errors that are the client's (parse, validation, bad request). */
const CLIENT_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/**
 * Errors written for clients (AppError, Apollo's own client errors) pass as they are; anything
 * else is logged with its stack and replaced by a generic coded message, so no driver message,
 * Cypher or stack trace reaches a client.
 */
export function createFormatError(log: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    if (original instanceof AppError) {
      if (original.originalError) log.warn({ err: original.originalError, code: original.code }, formatted.message);
      return formatted;
    }
    if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) return formatted;
    log.error({ err: original, path: formatted.path }, 'internal error while resolving');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.InternalServerError },
    };
  };
}
