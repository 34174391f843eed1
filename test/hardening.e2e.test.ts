import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createHash } from 'node:crypto';
import type { Neo4jGateway } from '../src/db/gateway';
import { SEED_PAPER } from './support/api';
import { graphCounts, loadSample, openTestGraph } from './support/graph';
import { listenHttp, type TestHttpServer } from './support/http';

// A production server over the sample graph, sent what an attacker sends: no request blocks the
// event loop or stalls Neo4j, and every refusal is JSON with a code that says what to fix.

let gateway: Neo4jGateway;
let server: TestHttpServer;
let countsBefore: Awaited<ReturnType<typeof graphCounts>>;
/** The text of every statement the server sent since the last `sentTexts()`. */
let sent: string[] = [];

beforeAll(async () => {
  const graph = await openTestGraph();
  gateway = graph.gateway;
  await loadSample(gateway);
  countsBefore = await graphCounts(gateway);
  const recording = gateway.observed((query) => sent.push(query.text));
  server = await listenHttp({ ...graph.config, env: 'production', introspection: false }, recording);
});

afterAll(async () => {
  expect(await graphCounts(gateway)).toEqual(countsBefore);
  await server.close();
  await gateway.close();
});

interface Answer {
  status: number;
  contentType: string | null;
  body: {
    data?: Record<string, unknown> | null;
    errors?: { message: string; path?: string[]; extensions?: { code?: string; maximum?: number } }[];
  };
}

async function send(body: string | Buffer, headers: Record<string, string> = {}, path = '/graphql'): Promise<Answer> {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
  const text = await response.text();
  let parsed: Answer['body'];
  try {
    parsed = JSON.parse(text) as Answer['body'];
  } catch {
    throw new Error(`not JSON (${response.status}): ${text.slice(0, 200)}`);
  }
  return { status: response.status, contentType: response.headers.get('content-type'), body: parsed };
}

const post = (query: string, variables?: unknown, extensions?: unknown) =>
  send(JSON.stringify({ query, variables, extensions }));
const codes = (answer: Answer) => answer.body.errors?.map((error) => error.extensions?.code);
const firstMessage = (answer: Answer) => answer.body.errors?.[0]?.message ?? '';

function sentTexts(): string[] {
  const texts = [...sent].sort();
  sent = [];
  return texts;
}

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const copy = [...items];
  let state = seed;
  for (let index = copy.length - 1; index > 0; index -= 1) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    const other = state % (index + 1);
    [copy[index], copy[other]] = [copy[other], copy[index]];
  }
  return copy;
}

describe('no request blocks the event loop', () => {
  it('answers hostile inputs (runs of slashes, bodies near the limit) within 100 ms of event-loop delay', async () => {
    const hostile = [
      () => post(`{ repository(url: "https://github.com/${'/'.repeat(1900)}x") { url } }`),
      () =>
        post('query($u: String!) { repository(url: $u) { url } }', { u: `https://github.com/${'/'.repeat(90_000)}x` }),
      () => post('query($q: String!) { search(query: $q) { id } }', { q: `${'(('.repeat(45_000)}x` }),
      () => post('query($q: String!) { search(query: $q) { id } }', { q: '"*~^'.repeat(50) }),
      () =>
        post('query($m: String) { leaderboardById(id: "x") { rows(metric: $m) { rank } } }', { m: 'm'.repeat(90_000) }),
      () => post('query($id: ID!) { paper(id: $id) { id } }', { id: `${'a'.repeat(1999)}` }),
    ];
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const answers = [];
    for (const request of hostile) answers.push(await request());
    delay.disable();
    for (const answer of answers) expect(answer.status).toBeLessThan(500);
    expect(delay.max / 1e6).toBeLessThan(100);
  });
});

describe('input caps', () => {
  it('refuses a string argument over 2,000 characters, as a literal or a variable, naming the cap', async () => {
    const literal = await post(`{ paper(id: "${'a'.repeat(2001)}") { id } }`);
    expect(literal.status).toBe(400);
    expect(codes(literal)).toEqual(['BAD_USER_INPUT']);
    expect(firstMessage(literal)).toBe('`paper(id)` is 2001 characters long; the limit is 2000.');
    expect(literal.body.errors?.[0].extensions?.maximum).toBe(2000);
    const nested = await post('query($t: ID) { papers(filter: { task: $t }) { totalCount } }', { t: 'x'.repeat(5000) });
    expect(codes(nested)).toEqual(['BAD_USER_INPUT']);
    expect(firstMessage(nested)).toMatch(/`papers\(filter\)\.task` is 5000 characters long; the limit is 2000/);
    expect(codes(await post(`{ paper(id: "${'a'.repeat(2000)}") { id } }`))).toBeUndefined();
  });

  it('refuses a search text over 200 characters', async () => {
    const answer = await post('query($q: String!) { search(query: $q) { id } }', { q: 'x'.repeat(201) });
    expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(firstMessage(answer)).toBe('`search(query)` is 201 characters long; the limit is 200.');
    expect(
      codes(await post('query($q: String!) { search(query: $q) { id } }', { q: 'x'.repeat(200) })),
    ).toBeUndefined();
  });

  it('refuses a list argument of over 100 items', async () => {
    const types = Array.from({ length: 101 }, () => 'TASK');
    const answer = await post('query($t: [SearchType!]) { search(query: "x", types: $t) { id } }', { t: types });
    expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(firstMessage(answer)).toBe('`search(types)` has 101 items; the limit is 100.');
    const literal = await post(`{ search(query: "x", types: [${types.join(', ')}]) { id } }`);
    expect(firstMessage(literal)).toBe('`search(types)` has 101 items; the limit is 100.');
  });
});

describe('statement texts depend on the shape of a query only', () => {
  const TYPES = ['PAPER', 'AUTHOR', 'TASK', 'DATASET', 'METHOD'];

  it('15 aliased searches with the types in a new order each time send the same statement, one per request', async () => {
    sentTexts();
    const variants: string[][] = [];
    for (let seed = 1; seed <= 6; seed += 1) {
      const searches = Array.from(
        { length: 15 },
        (_, index) =>
          `s${index}: search(query: "image ${index}", types: [${shuffled(TYPES, seed * 31 + index).join(', ')}], first: 1) { id }`,
      );
      const answer = await post(`{ ${shuffled(searches, seed).join(' ')} }`);
      expect(answer.body.errors).toBeUndefined();
      variants.push(sentTexts());
    }
    expect(variants[0]).toHaveLength(1);
    for (const texts of variants) expect(texts).toEqual(variants[0]);
  });

  it('a page whose fields come in another order sends the same statements', async () => {
    const fields = [
      'title',
      'authors { name }',
      'tasks { id }',
      'methods { id }',
      'repositories { url }',
      'results { id }',
      'datasets { id }',
    ];
    sentTexts();
    const variants: string[][] = [];
    for (let seed = 1; seed <= 4; seed += 1) {
      const answer = await post(`{ paper(id: "${SEED_PAPER}") { ${shuffled(fields, seed).join(' ')} } }`);
      expect(answer.body.errors).toBeUndefined();
      variants.push(sentTexts());
    }
    for (const texts of variants) expect(texts).toEqual(variants[0]);
  });

  it('prices search by the index queries it runs: five types cost five times one', async () => {
    const costOf = async (types: string) => {
      const aliases = Array.from(
        { length: 15 },
        (_, index) => `s${index}: search(query: "x", ${types} first: 100) { id name type score }`,
      );
      const answer = await post(`{ ${aliases.join(' ')} }`);
      return { status: answer.status, message: firstMessage(answer) };
    };
    expect((await costOf('types: [TASK],')).status).toBe(200);
    const all = await costOf('');
    expect(all.status).toBe(400);
    expect(all.message).toMatch(/would cost 30015, over the limit of 20000/);
  });
});

describe('forged cursors', () => {
  const forge = (order: string, key: unknown) => Buffer.from(JSON.stringify([order, key, 'x'])).toString('base64url');

  it('refuses a key that does not fit the order with BAD_USER_INPUT, and answers the sibling fields', async () => {
    for (const [order, key] of [
      ['PUBLISHED_DESC', 'not-a-date'],
      ['PUBLISHED_DESC', 42],
      ['TITLE_ASC', 17],
    ] as const) {
      const answer = await post(
        `query($after: String, $order: PaperOrder) {
           author: author(id: "rinon-gal") { papers(orderBy: $order, first: 2, after: $after) { nodes { id } } }
           seed: paper(id: "${SEED_PAPER}") { title authors { name } }
         }`,
        { after: forge(order, key), order },
      );
      expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
      expect(answer.body.errors?.[0].path).toEqual(['author', 'papers']);
      expect(firstMessage(answer)).toMatch(/not a cursor this API gave out/);
      expect((answer.body.data?.seed as { title: string }).title).toMatch(/^An Image is Worth One Word/);
    }
    const tasks = await post('query($after: String) { tasks(after: $after) { nodes { id } } }', {
      after: forge('PAPER_COUNT_DESC', 'many'),
    });
    expect(codes(tasks)).toEqual(['BAD_USER_INPUT']);
  });
});

describe('every error is JSON with a code', () => {
  it.each([
    ['malformed JSON', '{"query": '],
    ['a JSON string', '"{ areas { id } }"'],
    ['a number', '42'],
    ['null', 'null'],
    ['true', 'true'],
    ['a NUL byte', '{"query":"{ areas { id } }\u0000"}'],
  ])('%s as the body: 400 BAD_REQUEST', async (_label, body) => {
    const answer = await send(body);
    expect(answer.status).toBe(400);
    expect(answer.contentType).toMatch(/application\/json/);
    expect(codes(answer)).toEqual(['BAD_REQUEST']);
    expect(firstMessage(answer)).toMatch(/not a JSON object/);
  });

  it('a body over the limit: 413 PAYLOAD_TOO_LARGE, and the server keeps serving', async () => {
    const answer = await send(JSON.stringify({ query: `{ areas { id } } # ${'x'.repeat(200_000)}` }));
    expect(answer.status).toBe(413);
    expect(codes(answer)).toEqual(['PAYLOAD_TOO_LARGE']);
    expect(firstMessage(answer)).toMatch(/larger than the limit of 100kb/);
    expect((await post('{ areas { id } }')).status).toBe(200);
  });

  it('a body in an unknown encoding: 415 UNSUPPORTED_MEDIA_TYPE', async () => {
    const answer = await send('{"query":"{ areas { id } }"}', { 'content-encoding': 'compress' });
    expect(answer.status).toBe(415);
    expect(codes(answer)).toEqual(['UNSUPPORTED_MEDIA_TYPE']);
  });

  it('an unknown path: 404 NOT_FOUND naming the paths that exist', async () => {
    const response = await fetch(`${server.baseUrl}/nope/${'x'.repeat(500)}`);
    expect(response.status).toBe(404);
    const body = (await response.json()) as Answer['body'];
    expect(body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    expect(body.errors?.[0].message).toMatch(/GraphQL is served at \/graphql/);
    expect(body.errors?.[0].message.length).toBeLessThan(250);
    expect((await send('{}', {}, '/elsewhere')).body.errors?.[0].extensions?.code).toBe('NOT_FOUND');
  });

  it('a subscription: GRAPHQL_VALIDATION_FAILED saying why; a mutation without a token: UNAUTHENTICATED', async () => {
    const mutation = await post('mutation { withdrawSubmission(id: "x") { id } }');
    expect(mutation.status).toBe(401);
    expect(codes(mutation)).toEqual(['UNAUTHENTICATED']);
    expect(firstMessage(mutation)).toMatch(/needs an API token/);
    const subscription = await post('subscription { __typename }');
    expect(codes(subscription)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(firstMessage(subscription)).toMatch(/no subscriptions/);
  });

  it('automatic persisted queries: a hash mismatch and an unknown version are BAD_REQUEST, a hit works', async () => {
    const query = '{ areas { id } }';
    const mismatch = await post(query, undefined, { persistedQuery: { version: 1, sha256Hash: 'abc' } });
    expect(mismatch.status).toBe(400);
    expect(codes(mismatch)).toEqual(['BAD_REQUEST']);
    expect(firstMessage(mismatch)).toMatch(/is not the SHA-256 hash of `query`/);
    const version = await send(JSON.stringify({ extensions: { persistedQuery: { version: 2, sha256Hash: 'abc' } } }));
    expect(codes(version)).toEqual(['BAD_REQUEST']);
    expect(firstMessage(version)).toMatch(/must be 1/);
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    expect((await post(query, undefined, { persistedQuery: { version: 1, sha256Hash } })).status).toBe(200);
    const hit = await send(JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash } } }));
    expect(hit.body.data?.areas).toHaveLength(4);
  });

  it('operation batching: BAD_REQUEST', async () => {
    const answer = await send(JSON.stringify([{ query: '{ areas { id } }' }]));
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['BAD_REQUEST']);
  });

  it('echoes inputs in messages cut to 100 characters', async () => {
    const metric = 'm'.repeat(1500);
    const board = await post(
      'query($m: String) { leaderboardById(id: "personalized-image-generation-on-dreambooth") { rows(metric: $m) { rank } } }',
      {
        m: metric,
      },
    );
    expect(codes(board)).toEqual(['BAD_USER_INPUT']);
    expect(firstMessage(board)).toContain(`"${'m'.repeat(100)}…"`);
    expect(firstMessage(board)).not.toContain('m'.repeat(101));
    const order = await post('query($o: PaperOrder) { papers(orderBy: $o) { totalCount } }', { o: 'X'.repeat(1500) });
    expect(order.status).toBe(400);
    expect(firstMessage(order).length).toBeLessThan(400);
  });
});

describe('limits without holes', () => {
  it('counts aliases of __typename', async () => {
    const aliases = Array.from({ length: 500 }, (_, index) => `a${index}: __typename`).join(' ');
    const answer = await post(`{ ${aliases} }`);
    expect(answer.status).toBe(400);
    expect(firstMessage(answer)).toBe('The operation has 500 aliases; the limit is 15.');
  });

  it('counts fields aliased as __typename, also inside fragments', async () => {
    const fields = Array.from({ length: 16 }, () => '__typename: areas { id }').join(' ');
    expect(firstMessage(await post(`{ ${fields} }`))).toMatch(/has 16 aliases; the limit is 15/);
    const spread = await post(
      `{ ...A ...A } fragment A on Query { ${Array.from({ length: 8 }, (_, i) => `x${i}: areas { id }`).join(' ')} }`,
    );
    expect(firstMessage(spread)).toMatch(/has 16 aliases/);
    expect((await post(`{ ${Array.from({ length: 15 }, (_, i) => `x${i}: __typename`).join(' ')} }`)).status).toBe(200);
  });

  it('hides every suggestion in production, of fields and of enum values, with nothing left over', async () => {
    const field = await post('{ paper(id: "x") { titel } }');
    expect(firstMessage(field)).toBe('Cannot query field "titel" on type "Paper".');
    const value = await post('{ papers(orderBy: PUBLISHED) { totalCount } }');
    expect(firstMessage(value)).toBe('Value "PUBLISHED" does not exist in "PaperOrder" enum.');
    const argument = await post('{ papers(firts: 2) { totalCount } }');
    expect(firstMessage(argument)).toBe('Unknown argument "firts" on field "Query.papers".');
  });
});
