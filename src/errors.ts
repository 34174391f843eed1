import { GraphQLError } from 'graphql';

/** Every code a client can see in `errors[].extensions.code`. */
export enum ErrorCode {
  BadUserInput = 'BAD_USER_INPUT',
  /** The HTTP request itself is wrong: not JSON, not an object, a persisted-query mismatch, … */
  BadRequest = 'BAD_REQUEST',
  /** No such path (the server has /graphql, /health, /ready and /metrics). */
  NotFound = 'NOT_FOUND',
  /** The body is larger than REQUEST_BODY_LIMIT. */
  PayloadTooLarge = 'PAYLOAD_TOO_LARGE',
  /** The body's encoding or charset is one the server does not read. */
  UnsupportedMediaType = 'UNSUPPORTED_MEDIA_TYPE',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  QueryTimeout = 'QUERY_TIMEOUT',
  QueryTooComplex = 'QUERY_TOO_COMPLEX',
  /** The request carries no valid credentials where they are needed. */
  Unauthenticated = 'UNAUTHENTICATED',
  /** The request's contributor may not do this (its role, or not its submission). */
  Forbidden = 'FORBIDDEN',
  /** The client used up its budget of query cost: retry after `Retry-After` seconds. */
  RateLimited = 'RATE_LIMITED',
  InternalServerError = 'INTERNAL_SERVER_ERROR',
}

/** An error whose message is written for the client and safe to show as it is. */
export class AppError extends GraphQLError {
  constructor(
    readonly code: ErrorCode,
    message: string,
    options: { cause?: unknown; details?: Record<string, unknown> } = {},
  ) {
    super(message, { extensions: { code, ...options.details }, originalError: asError(options.cause) });
    this.name = 'AppError';
  }
}

/** A mutation (or `submissions`) without a valid token: HTTP 401. */
export class UnauthenticatedError extends AppError {
  constructor(message: string) {
    super(ErrorCode.Unauthenticated, message, { details: { http: { status: 401 } } });
  }
}

/** The contributor's role, or the submission's owner, does not allow it: HTTP 403. */
export class ForbiddenError extends AppError {
  constructor(message: string) {
    super(ErrorCode.Forbidden, message, { details: { http: { status: 403 } } });
  }
}

export class DatabaseUnavailableError extends AppError {
  constructor(cause?: unknown) {
    super(ErrorCode.ServiceUnavailable, 'The graph database is unavailable; try again in a few seconds.', { cause });
  }
}

export class QueryTimeoutError extends AppError {
  constructor(timeoutMs: number, cause?: unknown) {
    super(
      ErrorCode.QueryTimeout,
      `The query took longer than ${timeoutMs} ms and was stopped; ask for fewer items or a narrower filter.`,
      { cause },
    );
  }
}

/** A request ran out of its time (REQUEST_DEADLINE_MS), waiting for the database included. */
export class DeadlineExceededError extends AppError {
  constructor(limitMs: number) {
    super(
      ErrorCode.QueryTimeout,
      `The request took longer than its ${limitMs} ms (waiting for the database included) and was stopped; ask for fewer items or a narrower filter, or retry when the server is less busy.`,
    );
  }
}

export class BadUserInputError extends AppError {
  constructor(message: string, details?: Record<string, unknown>) {
    super(ErrorCode.BadUserInput, message, { details });
  }
}

function asError(cause: unknown): Error | undefined {
  return cause instanceof Error ? cause : undefined;
}
