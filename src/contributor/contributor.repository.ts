import { readStatement } from '../db/cypher';
import type { GraphReader } from '../db/gateway';
import { readOnePerKey } from '../db/keyed-read';
import type { Contributor } from './contributor.type';

/** A token's contributor as authentication reads it: revoked tokens are found, and say so. */
export interface TokenOwner {
  contributor: Contributor;
  revoked: boolean;
}

const BY_TOKEN_HASH = readStatement(
  'contributor.byTokenHash',
  ($) => `
UNWIND ${$.ids} AS hash
MATCH (t:ApiToken {hash: hash})-[:TOKEN_OF]->(c:Contributor)
RETURN hash AS key, { contributor: c { .id, .name, .role }, revoked: t.revokedAt IS NOT NULL } AS value`,
);

const BY_IDS = readStatement(
  'contributor.byIds',
  ($) => `
UNWIND ${$.ids} AS id
MATCH (c:Contributor {id: id})
RETURN id AS key, c { .id, .name, .role } AS value`,
);

export class ContributorRepository {
  constructor(private readonly db: GraphReader) {}

  /** The owner of each token, by the token's hash. */
  byTokenHashes(hashes: readonly string[]): Promise<Map<string, TokenOwner>> {
    return readOnePerKey(this.db, BY_TOKEN_HASH, hashes);
  }

  byIds(ids: readonly string[]): Promise<Map<string, Contributor>> {
    return readOnePerKey(this.db, BY_IDS, ids);
  }
}
