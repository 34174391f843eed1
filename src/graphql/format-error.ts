import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
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

/** Apollo's code-less messages about a request it refused (HTTP 400), rewritten to say what to fix. */
const APOLLO_REQUEST_ERRORS: Readonly<Record<string, string>> = {
  'provided sha does not match query':
    '`extensions.persistedQuery.sha256Hash` is not the SHA-256 hash of `query`: send the hash of the exact query text, or no persistedQuery extension.',
  'Unsupported persisted query version':
    '`extensions.persistedQuery.version` must be 1, the only version of automatic persisted queries this server supports.',
};

/** How much of a quoted input an error message repeats: enough to recognise it, never a whole body. */
export const MAX_ECHO_LENGTH = 100;
const MAX_MESSAGE_LENGTH = 1000;

// graphql-js's suggestions: ` Did you mean "title"?`, ` Did you mean the enum value "PUBLISHED_ASC"?`.
const SUGGESTION = ' Did you mean ';

/** `text` cut to `MAX_ECHO_LENGTH` characters, with an ellipsis when it was longer. */
export function echo(text: string): string {
  return text.length > MAX_ECHO_LENGTH ? `${text.slice(0, MAX_ECHO_LENGTH)}…` : text;
}

/**
 * A message as clients may see it: quoted inputs cut to MAX_ECHO_LENGTH, the whole at most
 * MAX_MESSAGE_LENGTH characters, and in production no suggestions of names (they let a client
 * map a schema whose introspection is off).
 */
export function safeMessage(message: string, hideSuggestions: boolean): string {
  let safe = cutQuotedRuns(message);
  if (hideSuggestions) safe = withoutSuggestions(safe);
  return safe.length > MAX_MESSAGE_LENGTH ? `${safe.slice(0, MAX_MESSAGE_LENGTH)}…` : safe;
}

/** Every double-quoted run of `message` (graphql-js quotes the values it echoes) cut by `echo`, in one pass. */
function cutQuotedRuns(message: string): string {
  let result = '';
  let quoted: string | null = null;
  for (let index = 0; index < message.length; index += 1) {
    const character = message[index];
    if (quoted === null) {
      result += character;
      if (character === '"') quoted = '';
    } else if (character === '\\' && index + 1 < message.length) {
      quoted += character + message[index + 1];
      index += 1;
    } else if (character === '"') {
      result += `${echo(quoted)}"`;
      quoted = null;
    } else {
      quoted += character;
    }
  }
  return quoted === null ? result : result + echo(quoted);
}

/** `message` without graphql-js's "Did you mean …?" sentences. */
function withoutSuggestions(message: string): string {
  let result = '';
  let from = 0;
  for (let at = message.indexOf(SUGGESTION); at !== -1; at = message.indexOf(SUGGESTION, from)) {
    const end = message.indexOf('?', at);
    if (end === -1) break;
    result += message.slice(from, at);
    from = end + 1;
  }
  return result + message.slice(from);
}

function isRefusedRequest(error: unknown): error is GraphQLError {
  const status = (error as GraphQLError | undefined)?.extensions?.http as { status?: number } | undefined;
  return error instanceof GraphQLError && typeof status?.status === 'number' && status.status < 500;
}

/**
 * Errors written for clients (AppError, Apollo's own client errors) pass with their messages made
 * safe; Apollo's code-less refusals of a request get BAD_REQUEST; anything else is logged with its
 * stack and replaced by a generic coded message, so no driver message, Cypher or stack trace
 * reaches a client.
 */
export function createFormatError(log: Logger, options: { hideSuggestions: boolean }) {
  const safe = (formatted: GraphQLFormattedError, message = formatted.message, code?: string) => ({
    ...formatted,
    message: safeMessage(message, options.hideSuggestions),
    ...(code && { extensions: { ...formatted.extensions, code } }),
  });
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    if (original instanceof AppError) {
      if (original.originalError) log.warn({ err: original.originalError, code: original.code }, formatted.message);
      return safe(formatted);
    }
    if (typeof code === 'string' && CLIENT_ERROR_CODES.has(code)) return safe(formatted);
    if (isRefusedRequest(original)) {
      return safe(formatted, APOLLO_REQUEST_ERRORS[original.message] ?? original.message, ErrorCode.BadRequest);
    }
    log.error({ err: original, path: formatted.path }, 'internal error while resolving');
    return {
      message: 'Internal server error',
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: ErrorCode.InternalServerError },
    };
  };
}
