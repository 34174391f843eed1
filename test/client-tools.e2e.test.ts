import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildSchema, lexicographicSortSchema, printSchema } from 'graphql';
import type { Neo4jGateway } from '../src/db/gateway';
import { openTestGraph } from './support/graph';
import { listenHttp, type TestHttpServer } from './support/http';

// The tools clients build with, run as their users run them: their command lines against the live
// URL of a server (introspection on), not against the committed schema file.

const ROOT = path.join(__dirname, '..');
const execute = promisify(execFile);

/** Runs a tool of node_modules/.bin from the project (where its plugins resolve); a failure shows its output. */
async function run(tool: string, args: string[]): Promise<void> {
  try {
    await execute(path.join(ROOT, 'node_modules', '.bin', tool), args, { cwd: ROOT });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`${tool} ${args.join(' ')} failed:\n${stdout ?? ''}\n${stderr ?? ''}`, { cause: error });
  }
}

let gateway: Neo4jGateway;
let server: TestHttpServer;
let workDir: string;

beforeAll(async () => {
  const graph = await openTestGraph();
  gateway = graph.gateway;
  server = await listenHttp({ ...graph.config, introspection: true }, gateway);
  workDir = await mkdtemp(path.join(tmpdir(), 'pwc2-client-tools-'));
});

afterAll(async () => {
  await server.close();
  await gateway.close();
  await rm(workDir, { recursive: true, force: true });
});

it('GraphQL Code Generator builds types for schema/examples.graphql from the URL, and they type-check', async () => {
  const generated = path.join(workDir, 'operations.ts');
  const config = path.join(workDir, 'codegen.json');
  await writeFile(
    config,
    JSON.stringify({
      schema: server.url,
      documents: path.join(ROOT, 'schema', 'examples.graphql'),
      generates: { [generated]: { plugins: ['typescript-operations'] } },
    }),
  );
  await run('graphql-codegen', ['--config', config]);
  const types = await readFile(generated, 'utf8');
  expect(types).toContain('export type PaperPageQuery');
  // A client's use of the generated types: it compiles only if the fields are typed as the API gives them.
  const client = path.join(workDir, 'client.ts');
  await writeFile(
    client,
    [
      "import type { PaperPageQuery, LeaderboardPageQuery } from './operations';",
      'export const title = (data: PaperPageQuery): string | null | undefined => data.paper?.title;',
      'export const ranks = (data: LeaderboardPageQuery): number[] => (data.leaderboard?.rows ?? []).map((row) => row.rank);',
    ].join('\n'),
  );
  await run('tsc', ['--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', client, generated]);
});

it('graphql-inspector introspect writes the committed schema from the URL', async () => {
  const written = path.join(workDir, 'introspected.graphql');
  await run('graphql-inspector', ['introspect', server.url, '--write', written]);
  const sorted = (sdl: string) => printSchema(lexicographicSortSchema(buildSchema(sdl)));
  expect(sorted(await readFile(written, 'utf8'))).toBe(
    sorted(await readFile(path.join(ROOT, 'schema', 'schema.graphql'), 'utf8')),
  );
});
