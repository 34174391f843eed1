import { GraphQLError } from 'graphql';
import pino from 'pino';
import { BadUserInputError, DatabaseUnavailableError } from '../errors';
import { createFormatError } from './format-error';

const log = pino({ level: 'silent' });
const formatError = createFormatError(log);

function format(error: unknown) {
  const wrapped =
    error instanceof GraphQLError ? error : new GraphQLError('x', { originalError: error as Error, path: ['paper'] });
  return formatError({ message: wrapped.message, path: ['paper'], extensions: { ...wrapped.extensions } }, wrapped);
}

describe('createFormatError', () => {
  it('masks an unexpected error: a generic coded message, no stack, no Cypher, no driver text', () => {
    const driverError = new Error(
      'Neo.ClientError.Statement.SyntaxError: Invalid input near MATCH (p:Paper {id: $id})',
    );
    const formatted = format(driverError);
    expect(formatted).toEqual({
      message: 'Internal server error',
      path: ['paper'],
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(JSON.stringify(formatted)).not.toMatch(/MATCH|Neo\.|stack/);
  });

  it('passes errors written for clients with their code and details', () => {
    const badInput = format(new BadUserInputError('`first` must be between 1 and 100; got 0.', { argument: 'first' }));
    expect(badInput.message).toBe('`first` must be between 1 and 100; got 0.');
    expect(badInput.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
    expect(format(new DatabaseUnavailableError(new Error('connect ECONNREFUSED'))).extensions?.code).toBe(
      'SERVICE_UNAVAILABLE',
    );
    const validation = format(
      new GraphQLError('Cannot query field "nope"', { extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
    );
    expect(validation.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
