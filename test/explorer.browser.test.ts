import type { Browser, HTTPRequest, Page } from 'puppeteer-core';
import type { Neo4jGateway } from '../src/db/gateway';
import { Role } from '../src/contributor/contributor.type';
import { newToken, newTokenId, tokenHash } from '../src/contributor/token';
import { TokenStore } from '../src/contributor/token-store.repository';
import { readExamples } from '../src/graphql/examples';
import { launchChromium } from './support/browser';
import { loadSample, openTestGraph } from './support/graph';
import { listenHttp, type TestHttpServer } from './support/http';

// The offline explorer in a real browser (the system's headless Chromium): it loads from this
// server alone, introspects the schema, offers the examples and runs PaperPage. Every request for
// another host is refused and recorded, as on a machine with no internet.
// EXPLORER_SCREENSHOT=docs/explorer.png also saves a screenshot of the page (for the README).

const SEED_TITLE = 'An Image is Worth One Word: Personalizing Text-to-Image Generation using Textual Inversion';

let gateway: Neo4jGateway;
/** A real token: the server refuses requests whose Authorization header names none. */
const token = newToken();
let server: TestHttpServer;
let browser: Browser;
let page: Page;
/** Requests for anywhere but the server under test, refused. */
const offHost: string[] = [];
/** Requests to /graphql, as the browser sent them. */
const graphqlRequests: HTTPRequest[] = [];
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  const graph = await openTestGraph();
  gateway = graph.gateway;
  await loadSample(gateway);
  await new TokenStore(gateway).create('explorer-test', Role.CONTRIBUTOR, tokenHash(token), newTokenId());
  server = await listenHttp({ ...graph.config, introspection: true }, gateway);
  page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:')) return void request.continue();
    if (!url.startsWith(`${server.baseUrl}/`)) {
      offHost.push(url);
      return void request.abort('internetdisconnected');
    }
    if (url === server.url) graphqlRequests.push(request);
    return void request.continue();
  });
  page.on('pageerror', (error) => pageErrors.push(String(error)));
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await gateway?.close();
});

const bodyOf = (request: HTTPRequest) =>
  JSON.parse(request.postData() ?? '{}') as { query?: string; operationName?: string };

it('opens at / and /explorer, and introspects the schema with GraphiQL’s own query', async () => {
  const introspected = page.waitForResponse(
    (response) => response.url() === server.url && (response.request().postData() ?? '').includes('__schema'),
  );
  const landing = await page.goto(`${server.baseUrl}/`, { waitUntil: 'load' });
  expect(landing?.url()).toBe(`${server.baseUrl}/explorer`);
  await page.waitForSelector('.graphiql-container');
  const response = await introspected;
  expect(response.status()).toBe(200);
  const answer = (await response.json()) as { data?: { __schema?: { queryType: { name: string } } }; errors?: unknown };
  expect(answer.errors).toBeUndefined();
  expect(answer.data?.__schema?.queryType.name).toBe('Query');
  expect(bodyOf(response.request()).operationName).toBe('IntrospectionQuery');
});

it('offers every query of schema/examples.graphql as a tab', async () => {
  const names = readExamples(`${__dirname}/../schema`).operations.map((operation) => operation.name);
  await page.waitForSelector('.graphiql-tab-button');
  const tabs = (await page.evaluate(
    "[...document.querySelectorAll('.graphiql-tab-button')].map((tab) => tab.textContent)",
  )) as string[];
  expect(tabs).toEqual(names);
});

it('runs PaperPage with a header from the headers editor, shows the seed paper, and stores no header', async () => {
  // The tools pane holds the variables editor (hidden: the explorer opens on Headers) and the headers editor.
  const headersEditor = '.graphiql-editor-tool[aria-label="Headers"] .graphiql-editor:not(.hidden) .CodeMirror';
  await page.waitForSelector(headersEditor);
  await page.$eval(
    headersEditor,
    (element, text) =>
      (element as unknown as { CodeMirror: { setValue(value: string): void } }).CodeMirror.setValue(text),
    JSON.stringify({ Authorization: `Bearer ${token}` }),
  );
  const before = graphqlRequests.length;
  await page.click('.graphiql-execute-button');
  // Page-side code as text: this file is type-checked against Node's types, not the DOM's.
  await page.waitForFunction(
    `document.querySelector('.result-window')?.textContent?.includes(${JSON.stringify(SEED_TITLE)})`,
    { timeout: 30_000 },
  );
  const sent = graphqlRequests.slice(before).find((request) => bodyOf(request).operationName === 'PaperPage');
  expect(sent?.headers().authorization).toBe(`Bearer ${token}`);
  const stored = (await page.evaluate('JSON.stringify({ ...localStorage })')) as string;
  expect(stored).not.toContain(token);
  if (process.env.EXPLORER_SCREENSHOT) await page.screenshot({ path: process.env.EXPLORER_SCREENSHOT });
});

it('asked for nothing from another host, and threw no error', () => {
  expect(offHost).toEqual([]);
  expect(pageErrors).toEqual([]);
});
