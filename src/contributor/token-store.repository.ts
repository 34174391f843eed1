import { cypher } from '../db/cypher';
import type { GraphWriter } from '../db/gateway';
import type { Role } from './contributor.type';

/** One token as `token list` shows it (never the token, nor its hash). */
export interface TokenListing {
  name: string;
  role: Role;
  tokenId: string;
  createdAt: string;
  revokedAt: string | null;
}

const CREATE = cypher(
  'token.create',
  `
MERGE (c:Contributor {id: $id})
  ON CREATE SET c.name = $name, c.role = $role, c.createdAt = datetime()
WITH c, c.role = $role AS sameRole
CALL (c, sameRole) {
  WITH c WHERE sameRole
  CREATE (:ApiToken {hash: $hash, id: $tokenId, createdAt: datetime()})-[:TOKEN_OF]->(c)
}
RETURN sameRole, c.role AS role`,
);

const LIST = cypher(
  'token.list',
  `
MATCH (c:Contributor)<-[:TOKEN_OF]-(t:ApiToken)
RETURN c.name AS name, c.role AS role, t.id AS tokenId, toString(t.createdAt) AS createdAt,
  toString(t.revokedAt) AS revokedAt
ORDER BY c.id, t.createdAt`,
);

const REVOKE = cypher(
  'token.revoke',
  `
MATCH (c:Contributor {id: $id})<-[:TOKEN_OF]-(t:ApiToken)
WHERE t.revokedAt IS NULL AND ($tokenId IS NULL OR t.id = $tokenId)
SET t.revokedAt = datetime()
RETURN count(t) AS revoked`,
);

/** The command line's side of identity: creating, listing and revoking API tokens. */
export class TokenStore {
  constructor(private readonly db: GraphWriter) {}

  /**
   * Stores a token's hash for the contributor `name` (created with `role` if new). Null when the
   * contributor exists with another role: tokens share their contributor's role.
   */
  async create(name: string, role: Role, hash: string, tokenId: string): Promise<{ role: Role } | null> {
    const [row] = await this.db.write<{ sameRole: boolean; role: Role }>(CREATE, {
      id: contributorId(name),
      name,
      role,
      hash,
      tokenId,
    });
    return row.sameRole ? { role: row.role } : null;
  }

  list(): Promise<TokenListing[]> {
    return this.db.query<TokenListing>(LIST);
  }

  /** Revokes the contributor's tokens (or the one of `tokenId`); how many were still valid. */
  async revoke(name: string, tokenId: string | null): Promise<number> {
    const [row] = await this.db.write<{ revoked: number }>(REVOKE, { id: contributorId(name), tokenId });
    return row.revoked;
  }
}

/** A contributor's id: its name in lower case (names differ by more than case). */
export function contributorId(name: string): string {
  return name.toLowerCase();
}
