import { InvalidArgumentError } from 'commander';
import type { Config } from '../config';
import { Role } from '../contributor/contributor.type';
import { newToken, newTokenId, tokenHash } from '../contributor/token';
import { TokenStore } from '../contributor/token-store.repository';
import { connectGraph } from '../db/graph-connection';
import type { Logger } from '../logger';

/** A contributor name: what `token create --name` accepts. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function contributorName(value: string): string {
  if (!NAME.test(value)) {
    throw new InvalidArgumentError(
      'expected 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit',
    );
  }
  return value;
}

export function roleOption(value: string): Role {
  const role = Role[value.toUpperCase() as keyof typeof Role];
  if (!role) throw new InvalidArgumentError('expected contributor, moderator or admin');
  return role;
}

/** Runs `work` on the token store of NEO4J_URI's graph, or the managed one (started if needed). */
async function withTokenStore<T>(config: Config, log: Logger, work: (store: TokenStore) => Promise<T>): Promise<T> {
  const graph = await connectGraph(config, log);
  try {
    return await work(new TokenStore(graph.gateway));
  } finally {
    await graph.close();
  }
}

/** `token create`: prints the new token and nothing else on stdout (it is shown once, never stored). */
export async function createToken(options: { name: string; role: Role }, config: Config, log: Logger): Promise<void> {
  const token = newToken();
  const created = await withTokenStore(config, log, (store) =>
    store.create(options.name, options.role, tokenHash(token), newTokenId()),
  );
  if (!created) {
    throw new Error(
      `${options.name} already exists with another role; a contributor's tokens share its role. Revoke its tokens and create them under a new name, or ask for its role.`,
    );
  }
  process.stdout.write(`${token}\n`);
}

/** `token list`: one line per token: name, role, token id, created, revoked (never the token). */
export async function listTokens(config: Config, log: Logger): Promise<void> {
  const tokens = await withTokenStore(config, log, (store) => store.list());
  const lines = tokens.map((token) =>
    [
      token.name,
      token.role,
      token.tokenId,
      token.createdAt,
      token.revokedAt ? `revoked ${token.revokedAt}` : 'valid',
    ].join('\t'),
  );
  process.stdout.write(lines.length ? `${lines.join('\n')}\n` : 'no tokens\n');
}

/** `token revoke NAME [--token ID]`: the contributor's valid tokens stop working at once. */
export async function revokeTokens(
  name: string,
  options: { token?: string },
  config: Config,
  log: Logger,
): Promise<void> {
  const revoked = await withTokenStore(config, log, (store) => store.revoke(name, options.token ?? null));
  if (revoked === 0) {
    throw new Error(
      `${name} has no valid token${options.token ? ` with id ${options.token}` : ''}; \`token list\` shows the tokens.`,
    );
  }
  process.stdout.write(`revoked ${revoked} token${revoked === 1 ? '' : 's'} of ${name}\n`);
}
