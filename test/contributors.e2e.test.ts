import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Writable } from 'node:stream';
import pino from 'pino';
import { cypher } from '../src/db/cypher';
import { createHttpApp, type HttpApp } from '../src/server';
import { cli } from './support/cli';
import { openTestGraph, resetGraph } from './support/graph';
import type { Neo4jGateway } from '../src/db/gateway';

// Identity: tokens made by the command line, sent as `Authorization: Bearer`, over real HTTP.
let gateway: Neo4jGateway;
let app: HttpApp;
let url: string;
const logLines: string[] = [];

beforeAll(async () => {
  const graph = await openTestGraph();
  gateway = graph.gateway;
  await resetGraph(gateway);
  const log = pino(
    { level: 'info' },
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        logLines.push(chunk.toString());
        done();
      },
    }),
  );
  app = await createHttpApp(graph.config, gateway, log);
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await app?.stop();
  await gateway?.close();
});

async function me(authorization?: string) {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization && { authorization }) },
    body: JSON.stringify({ query: '{ me { id name role } }' }),
  });
  const body = (await response.json()) as {
    data?: { me: unknown } | null;
    errors?: { message: string; extensions: { code: string } }[];
  };
  return { status: response.status, body };
}

async function createToken(name: string, role: string) {
  const run = await cli(['token', 'create', '--name', name, '--role', role]);
  expect(run).toMatchObject({ code: 0, stderr: '' });
  return run.stdout;
}

describe('npm run token', () => {
  let aliceToken: string;

  it('create prints a random token and nothing else, and the graph keeps only its SHA-256 hash', async () => {
    const printed = await createToken('Alice', 'contributor');
    expect(printed).toMatch(/^pwc2_[A-Za-z0-9_-]{43}\n$/);
    aliceToken = printed.trim();
    const stored = await gateway.query<{ props: Record<string, unknown> }>(
      cypher('test.tokens', 'MATCH (t:ApiToken)-[:TOKEN_OF]->(c:Contributor) RETURN properties(t) AS props'),
    );
    expect(stored).toHaveLength(1);
    expect(stored[0].props.hash).toBe(createHash('sha256').update(aliceToken).digest('hex'));
    expect(JSON.stringify(stored)).not.toContain(aliceToken);
    expect(await createToken('alice', 'contributor')).not.toBe(printed);
  });

  it('refuses a second role for a name, a bad role and a bad name, saying what is expected', async () => {
    const otherRole = await cli(['token', 'create', '--name', 'alice', '--role', 'admin']);
    expect(otherRole.code).toBe(1);
    expect(otherRole.stdout).toBe('');
    expect(otherRole.stderr).toMatch(/already exists with another role/);
    const badRole = await cli(['token', 'create', '--name', 'bob', '--role', 'king']);
    expect(badRole.code).toBe(1);
    expect(badRole.stderr).toMatch(/expected contributor, moderator or admin/);
    const badName = await cli(['token', 'create', '--name', 'bob smith', '--role', 'moderator']);
    expect(badName.code).toBe(1);
    expect(badName.stderr).toMatch(/letters, digits/);
  });

  it('list shows every token by name, role and id, never the token', async () => {
    const run = await cli(['token', 'list']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(2);
    for (const line of lines) expect(line).toMatch(/^Alice\tCONTRIBUTOR\t[0-9a-f]{8}\t\S+\tvalid$/);
    expect(run.stdout).not.toContain(aliceToken);
  });

  it('a valid token names its contributor in `me`, with a budget of its own; no header is anonymous', async () => {
    const anonymous = await me();
    expect(anonymous).toMatchObject({ status: 200, body: { data: { me: null } } });
    const named = await me(`Bearer ${aliceToken}`);
    expect(named).toMatchObject({
      status: 200,
      body: { data: { me: { id: 'alice', name: 'Alice', role: 'CONTRIBUTOR' } } },
    });
    // Two requests from this address, but the token's is charged to the contributor's own budget.
    const cost = (answer: typeof named) =>
      (answer.body as { extensions: { cost: { limit: number; remaining: number; requested: number } } }).extensions
        .cost;
    expect(cost(named).remaining).toBe(cost(named).limit - cost(named).requested);
    expect((await me()).body).toMatchObject({
      extensions: { cost: { remaining: cost(anonymous).remaining - cost(anonymous).requested } },
    });
  });

  it('a malformed, unknown or revoked token is UNAUTHENTICATED (401) even for a read, logged and counted without the token', async () => {
    const unknown = `pwc2_${'A'.repeat(43)}`;
    for (const header of [aliceToken, `Basic ${aliceToken}`, 'Bearer not-a-token', `Bearer ${unknown}`]) {
      const answer = await me(header);
      expect(answer.status).toBe(401);
      expect(answer.body.errors?.map((error) => error.extensions.code)).toEqual(['UNAUTHENTICATED']);
    }
    expect((await me(`Bearer ${unknown}`)).body.errors?.[0].message).toMatch(/not one of this server/);

    const revoke = await cli(['token', 'revoke', 'alice']);
    expect(revoke).toMatchObject({ code: 0, stdout: 'revoked 2 tokens of alice\n' });
    const revoked = await me(`Bearer ${aliceToken}`);
    expect(revoked.status).toBe(401);
    expect(revoked.body.errors?.[0].message).toMatch(/revoked/);
    expect((await cli(['token', 'list'])).stdout).toMatch(/\trevoked \S+\n/);
    expect((await cli(['token', 'revoke', 'alice'])).stderr).toMatch(/has no valid token/);

    const metrics = await (await fetch(`${url}/metrics`)).text();
    expect(metrics).toMatch(/pwc2_authentication_failures_total\{reason="malformed"\} 3/);
    expect(metrics).toMatch(/pwc2_authentication_failures_total\{reason="unknown"\} 2/);
    expect(metrics).toMatch(/pwc2_authentication_failures_total\{reason="revoked"\} 1/);
    const failures = logLines.filter((line) => line.includes('authentication failed'));
    expect(failures).toHaveLength(6);
    expect(logLines.join('')).not.toContain(aliceToken.slice(5));
    expect(logLines.join('')).not.toContain('A'.repeat(43));
  });
});
