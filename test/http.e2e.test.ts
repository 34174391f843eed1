import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findArchiveFiles } from '../src/archive/archive-files';
import { importArchive } from '../src/archive/import-archive';
import type { Neo4jGateway } from '../src/db/gateway';
import { EXAMPLE_NAMES, EXAMPLES } from './support/examples';
import { loadSample, openTestGraph } from './support/graph';
import { listenHttp, type TestHttpServer } from './support/http';

let gateway: Neo4jGateway;
let server: TestHttpServer;
let baseUrl: string;

beforeAll(async () => {
  const graph = await openTestGraph();
  gateway = graph.gateway;
  await loadSample(gateway);
  server = await listenHttp(graph.config, gateway);
  baseUrl = server.baseUrl;
});

afterAll(async () => {
  await server.close();
  await gateway.close();
});

function postGraphql(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${baseUrl}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('over HTTP', () => {
  it('answers the README query at /graphql', async () => {
    const response = await postGraphql({
      query: '{ paper(id: "an-image-is-worth-one-word-personalizing") { title authors { name } tasks { name } } }',
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      data: { paper: { title: string; authors: unknown[]; tasks: { name: string }[] } };
    };
    expect(body.data.paper.title).toMatch(/^An Image is Worth One Word/);
    expect(body.data.paper.authors).toHaveLength(7);
    expect(body.data.paper.tasks.map((task) => task.name)).toEqual([
      'Text-to-Image Generation',
      'Text to Image Generation',
      'Personalized Image Generation',
      'Image Generation',
    ]);
  });

  it('echoes nothing internal: a bad query gets a coded error and no stack trace', async () => {
    const response = await postGraphql({ query: '{ paper(id: 1 }' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_PARSE_FAILED');
    expect(JSON.stringify(body)).not.toMatch(/stacktrace|at .*\.ts:\d+/);
  });

  it('blocks a simple GET without a preflight header (CSRF prevention)', async () => {
    const response = await fetch(`${baseUrl}/graphql?query=${encodeURIComponent('{ paper(id: "x") { id } }')}`);
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/);
  });

  it('reports liveness at /health with the state of Neo4j', async () => {
    const response = await fetch(`${baseUrl}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', neo4j: 'up' });
  });

  it('sees papers imported while it runs, without a restart', async () => {
    const query = { query: '{ paper(id: "imported-while-serving") { title authors { name } } }' };
    expect(((await (await postGraphql(query)).json()) as { data: unknown }).data).toEqual({ paper: null });
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pwc2-live-'));
    writeFileSync(
      path.join(dir, 'papers-with-abstracts.json'),
      JSON.stringify([
        {
          paper_url: 'https://paperswithcode.com/paper/imported-while-serving',
          title: 'Live',
          authors: ['Ada Lovelace'],
        },
      ]),
    );
    await importArchive(gateway, findArchiveFiles([dir]));
    expect(((await (await postGraphql(query)).json()) as { data: unknown }).data).toEqual({
      paper: { title: 'Live', authors: [{ name: 'Ada Lovelace' }] },
    });
  });

  it('answers every query of schema/examples.graphql, sent as Sandbox sends it', async () => {
    expect(EXAMPLE_NAMES.length).toBeGreaterThanOrEqual(10);
    for (const operationName of EXAMPLE_NAMES) {
      const response = await postGraphql({ query: EXAMPLES, operationName });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown };
      expect(body.errors).toBeUndefined();
      expect(Object.values(body.data ?? {}).every((value) => value !== null)).toBe(true);
    }
  });

  it('serves Prometheus metrics: requests and latency by operation, errors by code, Cypher time by statement', async () => {
    // A name becomes a label once it has been seen 20 times (the examples' names from the start).
    for (let time = 0; time < 20; time += 1) {
      await postGraphql({
        query: 'query MetricsProbe { paper(id: "an-image-is-worth-one-word-personalizing") { id } }',
      });
      await postGraphql({ query: 'query MetricsProbeBad { papers(first: 1000) { totalCount } }' });
    }
    await postGraphql({ query: 'query PaperPage { paper(id: "x") { id } }' });
    for (let junk = 0; junk < 300; junk += 1) await postGraphql({ query: `query Junk${junk} { __typename }` });
    const response = await fetch(`${baseUrl}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/pwc2_graphql_requests_total\{operation="MetricsProbe",outcome="ok"\} 1\n/);
    expect(text).toMatch(/pwc2_graphql_requests_total\{operation="MetricsProbeBad",outcome="error"\} 1\n/);
    expect(text).toMatch(/pwc2_graphql_request_duration_seconds_count\{operation="MetricsProbe"\} 1\n/);
    expect(text).toMatch(/pwc2_graphql_requests_total\{operation="PaperPage",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/pwc2_graphql_requests_total\{operation="other",outcome="ok"\} (\d+)/);
    expect(text).not.toMatch(/operation="Junk/);
    expect(text).toMatch(/pwc2_neo4j_transactions\{state="queued"\} 0/);
    expect(text).toMatch(/pwc2_graphql_errors_total\{code="BAD_USER_INPUT"\} [1-9]/);
    expect(text).toMatch(/pwc2_neo4j_query_duration_seconds_count\{query="paper.byIds"\} [1-9]/);
    expect(text).toMatch(/pwc2_process_resident_memory_bytes \d+/);
  });

  it('reports readiness at /ready when Neo4j answers', async () => {
    const response = await fetch(`${baseUrl}/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready' });
  });
});

describe('over HTTP in production', () => {
  async function serve(introspection: boolean) {
    const graph = await openTestGraph();
    const http = await listenHttp({ ...graph.config, env: 'production', introspection }, graph.gateway);
    const url = http.url;
    return {
      url,
      post: (query: string) =>
        fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ query }),
        }),
      close: async () => {
        await http.close();
        await graph.gateway.close();
      },
    };
  }

  it('refuses introspection, shows no Sandbox and hides stack traces', async () => {
    const server = await serve(false);
    try {
      const introspection = (await (await server.post('{ __schema { types { name } } }')).json()) as {
        errors: { message: string; extensions: { code: string } }[];
      };
      expect(introspection.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(introspection.errors[0].message).toMatch(/introspection is not allowed/i);
      const landing = await (await fetch(server.url, { headers: { accept: 'text/html' } })).text();
      expect(landing).not.toMatch(/EmbeddedSandbox/);
      const bad = await (await server.post('{ papers(first: 1000) { totalCount } }')).json();
      expect(JSON.stringify(bad)).toMatch(/BAD_USER_INPUT/);
      expect(JSON.stringify(bad)).not.toMatch(/stacktrace/);
    } finally {
      await server.close();
    }
  });

  it('allows introspection and Sandbox when GRAPHQL_INTROSPECTION is on', async () => {
    const server = await serve(true);
    try {
      const body = await (await server.post('{ __schema { queryType { name } } }')).json();
      expect(body).toMatchObject({ data: { __schema: { queryType: { name: 'Query' } } } });
      const landing = await (await fetch(server.url, { headers: { accept: 'text/html' } })).text();
      expect(landing).toMatch(/EmbeddedSandbox/);
      // Where Sandbox says it cannot load (no internet), the page offers the offline explorer.
      expect(landing).toMatch(
        /might be offline\.<\/p>\s*<p>The offline explorer needs no internet: <a href="\/explorer">/,
      );
      const explorer = await fetch(server.url.replace('/graphql', '/explorer'));
      expect(explorer.status).toBe(200);
      expect(explorer.headers.get('content-security-policy')).toContain("default-src 'self'");
    } finally {
      await server.close();
    }
  });
});
