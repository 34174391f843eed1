import type { Contributor } from '../contributor/contributor.type';
import type { TokenOwner } from '../contributor/contributor.repository';
import { looksLikeToken, tokenHash } from '../contributor/token';
import { AppError, ErrorCode } from '../errors';

/** Why a request's credentials were refused (a metrics label and a log field; never the token). */
export type AuthFailure = 'malformed' | 'unknown' | 'revoked';

const MESSAGES: Record<AuthFailure, string> = {
  malformed:
    'The Authorization header must be `Bearer <token>` with a token of this server (from `npm run token -- create`); send no header to read anonymously.',
  unknown: 'The token is not one of this server: check it was copied whole, or ask an admin for a new one.',
  revoked: 'The token was revoked: ask an admin for a new one.',
};

/** A refused credential: UNAUTHENTICATED with HTTP 401, as for any operation, reads included. */
export class AuthenticationError extends AppError {
  constructor(readonly reason: AuthFailure) {
    super(ErrorCode.Unauthenticated, MESSAGES[reason], { details: { http: { status: 401 } } });
  }
}

const BEARER = /^Bearer +(\S+)$/i;

/**
 * The contributor a request's `Authorization` header names: null without the header (anonymous
 * reads); an AuthenticationError for anything else that is not a valid, unrevoked token.
 */
export async function authenticate(
  header: string | undefined,
  ownerOf: (hash: string) => Promise<TokenOwner | null>,
): Promise<Contributor | null> {
  if (header === undefined) return null;
  const token = BEARER.exec(header.trim())?.[1];
  if (!token || !looksLikeToken(token)) throw new AuthenticationError('malformed');
  const owner = await ownerOf(tokenHash(token));
  if (!owner) throw new AuthenticationError('unknown');
  if (owner.revoked) throw new AuthenticationError('revoked');
  return owner.contributor;
}
