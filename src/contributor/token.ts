import { createHash, randomBytes } from 'node:crypto';

/**
 * API tokens: 256 random bits, base64url, after a prefix that tells a leaked token for what it is
 * (secret scanners match it). The graph keeps only their SHA-256 hashes.
 */
const TOKEN_PREFIX = 'pwc2_';
const TOKEN_BYTES = 32;

export function newToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(TOKEN_BYTES).toString('base64url')}`;
}

/** The hash a token is stored and looked up by (hex SHA-256). */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** A short random id that names one token in `token list` (never enough to use it). */
export function newTokenId(): string {
  return randomBytes(4).toString('hex');
}

/** Whether a string has a token's shape (anything else is refused without a database read). */
export function looksLikeToken(token: string): boolean {
  return token.startsWith(TOKEN_PREFIX) && /^[A-Za-z0-9_-]{43}$/.test(token.slice(TOKEN_PREFIX.length));
}
