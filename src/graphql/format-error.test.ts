import { GraphQLError } from 'graphql';
import pino from 'pino';
import { BadUserInputError, DatabaseUnavailableError } from '../errors';
import { createFormatError, safeMessage } from './format-error';

const log = pino({ level: 'silent' });
const formatError = createFormatError(log, { hideSuggestions: true });

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

describe('safeMessage', () => {
  it('cuts quoted inputs to 100 characters', () => {
    const long = 'm'.repeat(90_000);
    const message = safeMessage(`Leaderboard x has no metric "${long}"; its metrics are: "FID".`, false);
    expect(message).toBe(`Leaderboard x has no metric "${'m'.repeat(100)}…"; its metrics are: "FID".`);
  });

  it('hides suggestions when asked: of fields, arguments and enum values', () => {
    expect(safeMessage('Cannot query field "titel" on type "Paper". Did you mean "title"?', true)).toBe(
      'Cannot query field "titel" on type "Paper".',
    );
    expect(
      safeMessage(
        'Value "PUBLISHED" does not exist in "PaperOrder" enum. Did you mean the enum value "PUBLISHED_ASC"?',
        true,
      ),
    ).toBe('Value "PUBLISHED" does not exist in "PaperOrder" enum.');
    expect(safeMessage('Unknown argument "firts". Did you mean "first"?', false)).toMatch(/Did you mean "first"\?/);
  });

  it('cuts a message of over 1000 characters', () => {
    expect(safeMessage('x'.repeat(5000), false)).toHaveLength(1001);
  });
});
