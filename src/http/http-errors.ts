import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ErrorCode } from '../errors';
import { echo } from '../graphql/format-error';
import type { Logger } from '../logger';

/** An error as GraphQL clients read them, for answers that never reach GraphQL. */
function errorBody(message: string, code: ErrorCode) {
  return { errors: [{ message, extensions: { code } }] };
}

/** Unknown paths: JSON with a code, like every other answer, naming the paths that exist. */
export const notFound: RequestHandler = (req, res) => {
  res
    .status(404)
    .json(
      errorBody(
        `There is nothing at ${req.method} ${echo(req.path)}: GraphQL is served at /graphql (also /health, /ready, /metrics).`,
        ErrorCode.NotFound,
      ),
    );
};

/** body-parser's failures (type → status, code and what to fix). */
const BODY_ERRORS: Record<string, { code: ErrorCode; message: (limit: string) => string }> = {
  'entity.parse.failed': {
    code: ErrorCode.BadRequest,
    message: () =>
      'The body is not a JSON object: send {"query": "...", "variables": {...}} with content-type application/json.',
  },
  'entity.too.large': {
    code: ErrorCode.PayloadTooLarge,
    message: (limit) => `The body is larger than the limit of ${limit}: send a shorter query or fewer variables.`,
  },
  'encoding.unsupported': {
    code: ErrorCode.UnsupportedMediaType,
    message: () => 'The body is in a content-encoding the server does not read: send it plain, gzip or deflate.',
  },
  'charset.unsupported': {
    code: ErrorCode.UnsupportedMediaType,
    message: () => 'The body is in a charset the server does not read: send UTF-8 JSON.',
  },
};

/**
 * The last handler: a request Express could not read (malformed JSON, a body over the limit, an
 * unknown encoding) gets a JSON error with a code instead of Express's HTML page; anything else is
 * logged and answered 500 without details.
 */
export function httpErrorHandler(bodyLimit: string, log: Logger): ErrorRequestHandler {
  return (error: { type?: string; status?: number }, _req, res, next) => {
    if (res.headersSent) return next(error);
    const known = error.type ? BODY_ERRORS[error.type] : undefined;
    if (known) {
      res.status(error.status ?? 400).json(errorBody(known.message(bodyLimit), known.code));
      return;
    }
    if (typeof error.status === 'number' && error.status >= 400 && error.status < 500) {
      res.status(error.status).json(errorBody('The request could not be read.', ErrorCode.BadRequest));
      return;
    }
    log.error({ err: error }, 'unexpected error in the HTTP layer');
    res.status(500).json(errorBody('Internal server error', ErrorCode.InternalServerError));
  };
}
