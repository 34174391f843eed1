import { isRetryableError, Neo4jError } from 'neo4j-driver';
import { AppError, DatabaseUnavailableError, QueryTimeoutError } from '../errors';

const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.TransientError.Transaction.LockClientStopped',
]);

/** Whether a driver error says the transaction ran out of time. */
export function isTimeout(error: unknown): boolean {
  return error instanceof Neo4jError && TIMEOUT_CODES.has(error.code);
}

/** Whether a write broke a uniqueness constraint (another transaction created the same key first). */
export function isConstraintViolation(error: unknown): boolean {
  return error instanceof Neo4jError && error.code === 'Neo.ClientError.Schema.ConstraintValidationFailed';
}

/**
 * Turns a driver error into the error clients see: the database being away and a query running
 * out of time get their own codes; anything else stays a plain Error, masked by the server as an
 * internal error (its Cypher and stack are logged, never sent).
 */
export function mapNeo4jError(error: unknown, timeoutMs: number): Error {
  if (error instanceof AppError) return error;
  if (error instanceof Neo4jError) {
    if (isTimeout(error)) return new QueryTimeoutError(timeoutMs, error);
    if (
      error.code === 'ServiceUnavailable' ||
      error.code === 'SessionExpired' ||
      error.code === 'Neo.ClientError.Security.Unauthorized' ||
      error.code === 'Neo.ClientError.Database.DatabaseNotFound' ||
      isRetryableError(error)
    ) {
      return new DatabaseUnavailableError(error);
    }
  }
  return error instanceof Error ? error : new Error(String(error));
}
