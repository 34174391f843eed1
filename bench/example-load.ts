// What the API benchmarks share: the example queries, the variables drawn from the full-size
// graph, and the stack they run against (the managed Neo4j over .bench/neo4j-import and the real
// server in its own process).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import type { Logger } from 'pino';
import { PROJECT_ROOT } from '../src/config';
import { cypher } from '../src/db/cypher';
import { type Neo4jGateway } from '../src/db/gateway';
import { freePort } from '../src/local-neo4j/ports';
import { operationText } from '../test/support/examples';
import { BENCH_PASSWORD, benchGateway, benchNeo4j, GRAPH_HOME } from './bench-graph';

export type Variables = Record<string, unknown>;

/** The HTTP bodies of an operation, one per variable set. */
export function requestBodies(name: string, variables: Variables[]): string[] {
  return variables.map((set) => JSON.stringify({ query: operationText(name), operationName: name, variables: set }));
}

/** `count` items spread evenly over `items` (the same ones every run: the lists are sorted). */
function spread<T>(items: T[], count: number): T[] {
  if (items.length <= count) return items;
  return Array.from({ length: count }, (_, index) => items[Math.floor((index * items.length) / count)]);
}

const ids = (name: string, text: string) => cypher(`bench.${name}`, text);
const PICKS = {
  papers: ids('papers', 'MATCH (p:Paper) RETURN p.id AS id ORDER BY id'),
  papersWithResults: ids(
    'papersWithResults',
    'MATCH (p:Paper) WHERE EXISTS { (p)<-[:FROM_PAPER]-() } RETURN p.id AS id ORDER BY id',
  ),
  hubTask: ids('hubTask', 'MATCH (t:Task) RETURN t.id AS id ORDER BY COUNT { (t)<-[:HAS_TASK]-() } DESC, id LIMIT 1'),
  tasks: ids('tasks', 'MATCH (t:Task) WHERE EXISTS { (t)<-[:FOR_TASK]-() } RETURN t.id AS id ORDER BY id'),
  leaderboards: ids(
    'leaderboards',
    `MATCH (t:Task)<-[:FOR_TASK]-(l:Leaderboard)-[:ON_DATASET]->(d:Dataset)
     WHERE COUNT { (t)<-[:FOR_TASK]-(:Leaderboard)-[:ON_DATASET]->(d) } = 1
     WITH l, t, d ORDER BY l.id
     RETURN l.id AS id, t.id AS task, d.id AS dataset,
            head(COLLECT { MATCH (l)-[m:MEASURES]->(x:Metric) RETURN x.name ORDER BY m.position }) AS metric`,
  ),
  // Papers sharing a leaderboard, three of each leaderboard with results from at least three papers.
  comparable: ids(
    'comparable',
    `MATCH (l:Leaderboard)<-[:ON_LEADERBOARD]-(:Result)-[:FROM_PAPER]->(p:Paper)
     WITH l, collect(DISTINCT p.id) AS papers WHERE size(papers) >= 3
     RETURN papers[..3] AS id ORDER BY l.id`,
  ),
  hubLeaderboard: ids(
    'hubLeaderboard',
    `MATCH (l:Leaderboard) WITH l ORDER BY COUNT { (l)<-[:ON_LEADERBOARD]-() } DESC, l.id LIMIT 1
     RETURN l.id AS id, head(COLLECT { MATCH (l)-[m:MEASURES]->(x:Metric) RETURN x.name ORDER BY m.position }) AS metric`,
  ),
  hubDataset: ids(
    'hubDataset',
    'MATCH (d:Dataset) RETURN d.id AS id ORDER BY COUNT { (d)<-[:ON_DATASET]-() } DESC, id LIMIT 1',
  ),
  datasets: ids('datasets', 'MATCH (d:Dataset) WHERE EXISTS { (d)<-[:ON_DATASET]-() } RETURN d.id AS id ORDER BY id'),
  hubAuthor: ids(
    'hubAuthor',
    'MATCH (a:Author) RETURN a.id AS id ORDER BY COUNT { (a)-[:AUTHORED]->() } DESC, id LIMIT 1',
  ),
  authors: ids('authors', 'MATCH (a:Author) RETURN a.id AS id ORDER BY id'),
  areas: ids('areas', 'MATCH (a:Area) WHERE EXISTS { (a)<-[:IN_AREA]-(:Task) } RETURN a.id AS id ORDER BY id'),
  arxivIds: ids(
    'arxivIds',
    'MATCH (p:Paper) WHERE p.arxivId IS NOT NULL RETURN p.arxivId AS id ORDER BY p.publishedAt, p.id',
  ),
};
const SEARCHES = [
  'image classification',
  'graph neural network',
  'transformer',
  'reinforcement learning',
  'semantic segmentation',
  'speech recognition',
  'diffusion model',
  'question answering',
  'adversarial robustness',
  'object detection',
];

/** The variables each example runs with: `IDS` sets, the first one a hub where the query has one. */
export async function pickVariables(gateway: Neo4jGateway, IDS: number): Promise<Record<string, Variables[]>> {
  const column = async (query: (typeof PICKS)[keyof typeof PICKS]) =>
    (await gateway.query<{ id: string }>(query)).map((row) => row.id);
  const [hubTask] = await column(PICKS.hubTask);
  const [hubDataset] = await column(PICKS.hubDataset);
  const [hubAuthor] = await column(PICKS.hubAuthor);
  const [hubLeaderboard] = await gateway.query<{ id: string; metric: string }>(PICKS.hubLeaderboard);
  const papers = [
    ...spread(await column(PICKS.papersWithResults), IDS / 2),
    ...spread(await column(PICKS.papers), IDS / 2),
  ];
  const tasks = [hubTask, ...spread(await column(PICKS.tasks), IDS - 1)];
  const leaderboards = spread(
    await gateway.query<{ id: string; task: string; dataset: string; metric: string }>(PICKS.leaderboards),
    IDS,
  );
  const datasets = [hubDataset, ...spread(await column(PICKS.datasets), IDS - 1)];
  const authors = [hubAuthor, ...spread(await column(PICKS.authors), IDS - 1)];
  const areas = spread(await column(PICKS.areas), IDS);
  const arxivIds = spread(await column(PICKS.arxivIds), 2 * IDS);
  return {
    PaperPage: papers.map((id) => ({ id })),
    TaskPage: tasks.map((id) => ({ id })),
    LeaderboardPage: leaderboards.map(({ task, dataset, metric }) => ({ task, dataset, metric })),
    DatasetPage: datasets.map((id) => ({ id })),
    AuthorPage: authors.map((id) => ({ id })),
    RelatedWork: papers.map((id) => ({ id })),
    TaskRelatedWork: tasks.map((id) => ({ id })),
    PaperFeed: tasks.map((task) => ({ task, yearFrom: 2019 })),
    BrowseTasks: areas.map((area) => ({ area })),
    Search: SEARCHES.slice(0, IDS).map((query) => ({ query })),
    SearchResults: SEARCHES.slice(0, IDS).map((query) => ({ query })),
    // What a user has typed so far: the first word and a half of each search.
    Suggest: SEARCHES.slice(0, IDS).map((query) => ({ prefix: query.slice(0, query.indexOf(' ') + 4) })),
    // As clients hold them: a versioned arXiv id, an arXiv PDF URL and a batch of ten ids.
    PaperLookup: Array.from({ length: IDS }, (_, index) => ({
      arxivId: `${arxivIds[2 * index]}v2`,
      url: `https://arxiv.org/pdf/${arxivIds[2 * index + 1]}v1.pdf`,
      ids: papers.slice(index, index + 10),
    })),
    CompleteLeaderboard: [hubLeaderboard, ...leaderboards.slice(0, IDS - 1)].map(({ id, metric }) => ({
      id,
      metric,
      filter: { usesAdditionalData: false },
    })),
    Benchmarks: areas.map((area) => ({ area, minResults: 5 })),
    Compare: spread(await gateway.query<{ id: string[] }>(PICKS.comparable), IDS).map(({ id }) => ({ papers: id })),
    // The two hub scopes (all papers, the largest task), then tasks of every size.
    Facets: [{ task: null }, ...tasks.slice(0, IDS - 1).map((task) => ({ task }))],
  };
}

export async function waitReady(url: string): Promise<void> {
  for (let attempt = 0; attempt < 120; attempt += 1) {
    const ready = await fetch(`${url}/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error('the server did not become ready');
}

/** What a GraphQL server answers. */
export interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: readonly unknown[];
}

/** POSTs one request body to a server's `/graphql`; answers the HTTP status and the JSON. */
export async function postGraphQL(url: string, body: string): Promise<{ status: number; answer: GraphQLAnswer }> {
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });
  return { status: response.status, answer: (await response.json()) as GraphQLAnswer };
}

/** `connections` clients sending `bodies` in turn for `duration` seconds (`headers` added to each request; a request longer than `timeoutSeconds` counts as a timeout). */
export function load(
  url: string,
  bodies: string[],
  connections: number,
  duration: number,
  headers: Record<string, string> = {},
  timeoutSeconds = 10,
) {
  return autocannon({
    url: `${url}/graphql`,
    connections,
    duration,
    timeout: timeoutSeconds,
    requests: bodies.map((body) => ({
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    })),
  });
}

/**
 * Settings for our server in the benchmarks: their load comes from one IP, which the per-client
 * budget and in-flight limit would cut, so both are off (bench/abuse.ts measures them).
 */
export const NO_CLIENT_LIMITS = { RATE_LIMIT_POINTS: '0', CLIENT_MAX_CONCURRENT_REQUESTS: '100000' } as const;

/** A server the benchmark started in its own process. */
export interface RunningServer {
  url: string;
  pid: number;
  stop: () => Promise<void>;
}

/**
 * Starts `node <args>` from the project root or `cwd` (production mode; PORT in `env`) and waits until its
 * `/ready` answers 200; fails at once, naming the server, if the process exits first.
 */
export async function startServerProcess(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  cwd = PROJECT_ROOT,
): Promise<RunningServer> {
  const child: ChildProcess = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  const url = `http://127.0.0.1:${env.PORT}`;
  const failed = exited.then(() => {
    throw new Error(`the ${name} server exited before it was ready`);
  });
  failed.catch(() => undefined);
  try {
    await Promise.race([waitReady(url), failed]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, pid: child.pid as number, stop };
}

/** The full-size graph's Neo4j, started, with a gateway for the benchmark's own reads. */
export async function startBenchGraph(log: Logger) {
  if (!existsSync(path.join(GRAPH_HOME, 'data', 'databases', 'neo4j'))) {
    throw new Error(`${GRAPH_HOME} holds no graph: run \`npm run bench:import\` first`);
  }
  const neo4j = await benchNeo4j(log);
  await neo4j.start();
  const gateway = benchGateway(neo4j.uri, 120_000);
  const stop = async () => {
    await gateway.close();
    await neo4j.stop();
  };
  return { uri: neo4j.uri, password: BENCH_PASSWORD, gateway, stop };
}

export interface BenchStack {
  gateway: Neo4jGateway;
  url: string;
  serverPid: number;
  stop: () => Promise<void>;
}

/** The full-size graph and our server over it (warn-level logs; `env` changes its settings). */
export async function startBenchStack(log: Logger, env: NodeJS.ProcessEnv = NO_CLIENT_LIMITS): Promise<BenchStack> {
  const graph = await startBenchGraph(log);
  try {
    const server = await startServerProcess('our', ['dist/main.js', 'serve'], {
      NEO4J_URI: graph.uri,
      NEO4J_PASSWORD: graph.password,
      PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      ...env,
    });
    const stop = async () => {
      await server.stop();
      await graph.stop();
    };
    return { gateway: graph.gateway, url: server.url, serverPid: server.pid, stop };
  } catch (error) {
    await graph.stop();
    throw error;
  }
}
