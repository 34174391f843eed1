import { createConnection } from 'node:net';
import type { Config } from '../src/config';
import { Neo4jGateway, type AdmissionSettings } from '../src/db/gateway';
import { loadSample, openTestGraph } from './support/graph';
import { listenHttp, type TestHttpServer } from './support/http';
import { startTestRedis, type TestRedis } from './support/redis';

// Per-client budgets, deadlines, the fair admission queue and the HTTP server's own limits,
// over HTTP against the real Neo4j of the test run.

let config: Config;
let gateway: Neo4jGateway;
let redis: TestRedis;
const opened: { close: () => Promise<void> }[] = [];

beforeAll(async () => {
  const graph = await openTestGraph();
  config = graph.config;
  gateway = graph.gateway;
  await loadSample(gateway);
  redis = await startTestRedis();
});

afterEach(async () => {
  for (const item of opened.splice(0)) await item.close();
});

afterAll(async () => {
  await gateway.close();
  await redis.stop();
});

/** A server over the test graph with some settings changed; a gateway of its own when `admission` is given. */
async function serve(
  change: (base: Config) => Partial<Config>,
  admission?: AdmissionSettings,
): Promise<{ server: TestHttpServer; gateway: Neo4jGateway }> {
  const changed = { ...config, ...change(config) };
  const own = admission
    ? Neo4jGateway.connect({ ...changed.neo4j, uri: changed.neo4j.uri as string, ...admission })
    : gateway;
  const server = await listenHttp(changed, own);
  opened.push(server);
  if (own !== gateway) opened.push(own);
  return { server, gateway: own };
}

const budgetOf =
  (points: number, extra: Partial<Config['budget']> = {}) =>
  (base: Config) => ({
    budget: { ...base.budget, points, windowSeconds: 60, ...extra },
  });

interface Answer {
  status: number;
  headers: Headers;
  body: {
    data?: unknown;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
    extensions?: { cost?: Record<string, unknown> };
  };
}

async function post(server: TestHttpServer, query: string, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query }),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Answer['body'] };
}

const code = (answer: Answer) => answer.body.errors?.[0]?.extensions?.code;

/** Takes one of the gateway's transaction slots (an open write transaction doing nothing) until released. */
function holdSlot(on: Neo4jGateway): () => Promise<void> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const held = on.writeTransaction(() => released);
  return async () => {
    release();
    await held;
  };
}

const until = async (condition: () => boolean) => {
  for (let waited = 0; !condition() && waited < 5000; waited += 20) await new Promise((r) => setTimeout(r, 20));
};

// `{ areas { id } }` costs 1 + 20 (Query.areas is priced at 20 areas).
const AREAS = '{ areas { id } }';

describe('a budget of cost per client', () => {
  it('tells each client its cost and what is left, in headers and in extensions.cost', async () => {
    const { server } = await serve(budgetOf(100));
    const answer = await post(server, AREAS);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-ratelimit-limit')).toBe('100');
    expect(answer.headers.get('x-ratelimit-remaining')).toBe('79');
    const reset = Number(answer.headers.get('x-ratelimit-reset'));
    expect(reset * 1000).toBeGreaterThan(Date.now() + 50_000);
    expect(reset * 1000).toBeLessThanOrEqual(Date.now() + 61_000);
    expect(answer.body.extensions?.cost).toEqual({
      requested: 21,
      limit: 100,
      remaining: 79,
      resetAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
  });

  it('answers 429 RATE_LIMITED with Retry-After once the budget is spent, before any Cypher runs', async () => {
    const { server } = await serve(budgetOf(100));
    for (let request = 0; request < 4; request += 1) expect((await post(server, AREAS)).status).toBe(200);
    const refused = await post(server, AREAS);
    expect(refused.status).toBe(429);
    expect(code(refused)).toBe('RATE_LIMITED');
    expect(refused.body.errors?.[0].message).toMatch(
      /used its budget of 100 cost points per 60 s; this query costs 21/,
    );
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(refused.body.data).toBeUndefined();
  });

  it('counts clients by IP: X-Forwarded-For only when TRUST_PROXY trusts the proxy', async () => {
    const trusting = (
      await serve((base) => ({ ...budgetOf(30)(base), http: { ...base.http, trustProxy: 'loopback' } }))
    ).server;
    expect((await post(trusting, AREAS, { 'x-forwarded-for': '203.0.113.1' })).status).toBe(200);
    expect((await post(trusting, AREAS, { 'x-forwarded-for': '203.0.113.1' })).status).toBe(429);
    expect((await post(trusting, AREAS, { 'x-forwarded-for': '203.0.113.2' })).status).toBe(200);

    const untrusting = (await serve(budgetOf(30))).server;
    expect((await post(untrusting, AREAS, { 'x-forwarded-for': '203.0.113.1' })).status).toBe(200);
    expect((await post(untrusting, AREAS, { 'x-forwarded-for': '203.0.113.2' })).status).toBe(429);
  });

  it('shares one budget between instances through Redis', async () => {
    const shared = budgetOf(100, { redisUrl: redis.url });
    const [first, second] = [(await serve(shared)).server, (await serve(shared)).server];
    expect((await post(first, AREAS)).headers.get('x-ratelimit-remaining')).toBe('79');
    expect((await post(second, AREAS)).headers.get('x-ratelimit-remaining')).toBe('58');
    await post(first, AREAS);
    await post(second, AREAS);
    expect((await post(first, AREAS)).status).toBe(429);
  });

  it('is off with RATE_LIMIT_POINTS=0: no headers, the cost still reported', async () => {
    const { server } = await serve(budgetOf(0));
    const answer = await post(server, AREAS);
    expect(answer.headers.get('x-ratelimit-limit')).toBeNull();
    expect(answer.body.extensions?.cost).toEqual({ requested: 21 });
  });
});

describe('deadlines and a queue that sheds load', () => {
  it('stops a request waiting for a transaction at its deadline with QUERY_TIMEOUT', async () => {
    const { server, gateway: own } = await serve(() => ({ requestDeadlineMs: 300 }), { maxConcurrentTransactions: 1 });
    const release = holdSlot(own);
    const started = performance.now();
    const answer = await post(server, AREAS);
    const waited = performance.now() - started;
    await release();
    expect(code(answer)).toBe('QUERY_TIMEOUT');
    expect(answer.body.errors?.[0].message).toMatch(/longer than its 300 ms \(waiting for the database included\)/);
    expect(waited).toBeGreaterThanOrEqual(250);
    expect(waited).toBeLessThan(3000);
    expect(code(await post(server, AREAS))).toBeUndefined();
  });

  it('refuses at once what would wait beyond a full queue, with SERVICE_UNAVAILABLE', async () => {
    const { server, gateway: own } = await serve(() => ({}), {
      maxConcurrentTransactions: 1,
      maxQueuedTransactions: 1,
    });
    const release = holdSlot(own);
    const waiting = post(server, AREAS);
    await until(() => own.admission.load.queued === 1);
    const refused = await post(server, AREAS);
    expect(code(refused)).toBe('SERVICE_UNAVAILABLE');
    expect(refused.body.errors?.[0].message).toMatch(/at capacity/);
    await release();
    expect(code(await waiting)).toBeUndefined();
  });

  it('says /ready 503 only while the queue stays saturated, and ready again only once it stays low', async () => {
    const { server, gateway: own } = await serve(() => ({}), {
      maxConcurrentTransactions: 1,
      maxQueuedTransactions: 4,
      saturationMs: 400,
    });
    const ready = async () => (await fetch(`${server.baseUrl}/ready`)).status;
    const release = holdSlot(own);
    const waiting = [1, 2, 3].map(() => post(server, AREAS, {}));
    await until(() => own.admission.load.queued === 3);
    expect(await ready()).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 450));
    const saturated = await fetch(`${server.baseUrl}/ready`);
    expect(saturated.status).toBe(503);
    expect(await saturated.json()).toEqual({ status: 'not ready', reason: 'saturated: 3 transactions are waiting' });
    await release();
    await Promise.all(waiting);
    expect(await ready()).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 450));
    expect(await ready()).toBe(200);
  });

  it('lets one client have at most CLIENT_MAX_CONCURRENT_REQUESTS requests in flight', async () => {
    const { server, gateway: own } = await serve((base) => ({ budget: { ...base.budget, maxConcurrentRequests: 2 } }), {
      maxConcurrentTransactions: 1,
    });
    const release = holdSlot(own);
    const inFlight = [post(server, AREAS), post(server, AREAS)];
    await until(() => own.admission.load.queued === 2);
    const third = await post(server, AREAS);
    expect(third.status).toBe(429);
    expect(code(third)).toBe('RATE_LIMITED');
    expect(third.body.errors?.[0].message).toMatch(/already has 2 requests in flight; the limit is 2/);
    await release();
    for (const answer of await Promise.all(inFlight)) expect(answer.status).toBe(200);
    expect((await post(server, AREAS)).status).toBe(200);
  });
});

describe('the HTTP server', () => {
  it('closes a connection whose headers do not arrive in time (slowloris), and keeps serving', async () => {
    const { server } = await serve((base) => ({
      http: { ...base.http, headersTimeoutMs: 500, requestTimeoutMs: 1000 },
    }));
    const { port } = new URL(server.baseUrl);
    const started = performance.now();
    const closedAfter = await new Promise<number>((resolve) => {
      const socket = createConnection({ port: Number(port), host: '127.0.0.1' }, () => {
        socket.write('POST /graphql HTTP/1.1\r\nHost: x\r\n');
      });
      socket.on('data', () => undefined);
      socket.on('close', () => resolve(performance.now() - started));
    });
    expect(closedAfter).toBeGreaterThanOrEqual(450);
    expect(closedAfter).toBeLessThan(5000);
    expect((await post(server, AREAS)).status).toBe(200);
  });

  it('allows GET, POST and OPTIONS from the configured origins only (CORS)', async () => {
    const { server } = await serve((base) => ({ http: { ...base.http, corsOrigins: ['https://dash.example'] } }));
    const preflight = (origin: string) =>
      fetch(server.url, {
        method: 'OPTIONS',
        headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
      });
    const allowed = await preflight('https://dash.example');
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://dash.example');
    expect(allowed.headers.get('access-control-allow-methods')).toBe('GET,POST,OPTIONS');
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();
    const open = (await serve((base) => base)).server;
    const any = await fetch(open.url, { method: 'OPTIONS', headers: { origin: 'https://any.example' } });
    expect(any.headers.get('access-control-allow-origin')).toBe('*');
  });
});

describe('/metrics', () => {
  it('asks for the token when METRICS_TOKEN is set', async () => {
    const token = 'a-metrics-token-of-some-length';
    const { server } = await serve(() => ({ metrics: { port: undefined, token, served: true } }));
    const refused = await fetch(`${server.baseUrl}/metrics`);
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as Answer['body']).errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    const wrong = await fetch(`${server.baseUrl}/metrics`, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const allowed = await fetch(`${server.baseUrl}/metrics`, { headers: { authorization: `Bearer ${token}` } });
    expect(allowed.status).toBe(200);
    expect(await allowed.text()).toMatch(/pwc2_neo4j_transactions/);
  });

  it('is not served in production without a port or a token', async () => {
    const { server } = await serve(() => ({
      env: 'production',
      metrics: { port: undefined, token: undefined, served: false },
    }));
    expect((await fetch(`${server.baseUrl}/metrics`)).status).toBe(404);
  });
});
