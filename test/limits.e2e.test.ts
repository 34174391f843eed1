import type { Neo4jGateway } from '../src/db/gateway';
import { graphCounts, loadSample, openTestGraph } from './support/graph';
import { listenHttp, type TestHttpServer } from './support/http';

// A production server over the sample graph, sent what hostile or careless clients send: each
// request is refused as described, with no 5xx, and the graph is never written to.

let gateway: Neo4jGateway;
let server: TestHttpServer;
let url: string;
let countsBefore: Awaited<ReturnType<typeof graphCounts>>;

beforeAll(async () => {
  const graph = await openTestGraph();
  gateway = graph.gateway;
  await loadSample(gateway);
  countsBefore = await graphCounts(gateway);
  server = await listenHttp({ ...graph.config, env: 'production', introspection: false }, gateway);
  url = server.url;
});

afterAll(async () => {
  expect(await graphCounts(gateway)).toEqual(countsBefore);
  await server.close();
  await gateway.close();
});

interface Answer {
  status: number;
  body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
}

async function post(body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: Answer['body'];
  try {
    parsed = JSON.parse(text) as Answer['body'];
  } catch {
    parsed = { errors: [{ message: text }] };
  }
  return { status: response.status, body: parsed };
}

const query = (text: string, variables?: unknown) => post({ query: text, variables });
const codes = (answer: Answer) => answer.body.errors?.map((error) => error.extensions?.code);
/** A query whose fields nest `levels` deep: task, parents, id. */
const nested = (levels: number) => `{ task(id: "x") { ${'parent { '.repeat(levels - 2)}id${' }'.repeat(levels - 1)} }`;

describe('query limits, before any Cypher runs', () => {
  it('accepts depth 10 and refuses depth 11', async () => {
    expect((await query(nested(10))).status).toBe(200);
    const deep = await query(nested(11));
    expect(deep.status).toBe(400);
    expect(deep.body.errors?.[0].message).toMatch(/depth/i);
  });

  it('still refuses the depth when an operation or a fragment is named __schema', async () => {
    const byOperation = await query(`query __schema ${nested(11)}`);
    expect(byOperation.status).toBe(400);
    const byFragment = await query(
      `{ task(id: "x") { ...__schema } } fragment __schema on Task { ${'parent { '.repeat(10)}id${' }'.repeat(10)} }`,
    );
    expect(byFragment.status).toBe(400);
    expect(byFragment.body.errors?.[0].message).toMatch(/depth/i);
  });

  it('refuses 101 aliases', async () => {
    const aliases = Array.from({ length: 101 }, (_, index) => `a${index}: paper(id: "x") { id }`).join(' ');
    const answer = await query(`{ ${aliases} }`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0].message).toMatch(/aliases/i);
  });

  it('refuses 500 duplicated fields by the token limit', async () => {
    const answer = await query(`{ paper(id: "x") { ${'authors { id } '.repeat(500)} } }`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0].message).toMatch(/token/i);
  });

  it('refuses repeated directives, with a capped number of errors', async () => {
    const answer = await query(`{ paper(id: "x") { id ${'@include(if: true) '.repeat(10)} } }`);
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.length).toBeGreaterThan(0);
    expect(answer.body.errors?.length).toBeLessThanOrEqual(10);
    const many = await query(`{ paper(id: "x") { id ${'@include(if: true) '.repeat(60)} } }`);
    expect(many.status).toBe(400);
    expect(many.body.errors?.length).toBeLessThanOrEqual(10);
  });

  it('refuses circular fragments', async () => {
    const answer = await query(
      '{ task(id: "x") { ...A } } fragment A on Task { parent { ...B } } fragment B on Task { parent { ...A } }',
    );
    expect(answer.status).toBe(400);
    expect(codes(answer)).toContain('GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses the nested page blow-up by its cost, the variables applied', async () => {
    const text = `query($n: Int) { papers(first: $n) { nodes { authors { papers(first: $n) { nodes { id title } } } } } }`;
    const answer = await query(text, { n: 100 });
    expect(answer.status).toBe(400);
    expect(codes(answer)).toEqual(['QUERY_TOO_COMPLEX']);
    expect(answer.body.errors?.[0].message).toMatch(/would cost \d+, over the limit of 20000/);
    expect((await query(text, { n: 2 })).status).toBe(200);
  });

  it('refuses page sizes 0, -1 and 1000 with BAD_USER_INPUT', async () => {
    for (const first of [0, -1, 1000]) {
      const answer = await query('query($first: Int) { papers(first: $first) { totalCount } }', { first });
      expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
      expect(answer.status).toBeLessThan(500);
    }
  });

  it('answers a typo without suggesting field names', async () => {
    const answer = await query('{ paper(id: "x") { titel } }');
    expect(answer.status).toBe(400);
    expect(answer.body.errors?.[0].message).not.toMatch(/Did you mean/);
  });

  it('refuses a sort key outside the enum and a variable of the wrong type', async () => {
    expect((await query('{ papers(orderBy: DROP_TABLE) { totalCount } }')).status).toBe(400);
    expect((await query('query($first: Int) { papers(first: $first) { totalCount } }', { first: 'ten' })).status).toBe(
      400,
    );
  });
});

describe('GraphQL over HTTP', () => {
  it('refuses a batch of operations', async () => {
    const answer = await post(Array.from({ length: 10 }, () => ({ query: '{ areas { id } }' })));
    expect(answer.status).toBe(400);
  });

  it('answers malformed JSON, non-object variables and a non-string query with 400', async () => {
    expect((await post('{"query": ')).status).toBe(400);
    expect((await post({ query: '{ areas { id } }', variables: [1, 2] })).status).toBe(400);
    expect((await post({ query: 42 })).status).toBe(400);
  });

  it('answers a body over the limit with 413 and keeps serving', async () => {
    const answer = await post({ query: `{ areas { id } } # ${'x'.repeat(200_000)}` });
    expect(answer.status).toBe(413);
    expect((await query('{ areas { id } }')).status).toBe(200);
  });

  it('blocks a GET without preflight headers and a text/plain POST (CSRF prevention)', async () => {
    const get = await fetch(`${url}?query=${encodeURIComponent('{ areas { id } }')}`);
    expect(get.status).toBe(400);
    const plain = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"query":"{ areas { id } }"}',
    });
    expect(plain.status).toBe(400);
  });
});
