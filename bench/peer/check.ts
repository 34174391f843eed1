// The check to run before measuring the peer: every operation of bench/peer/examples.graphql is
// POSTed once per variable set, and any answer with GraphQL errors, a non-200 status or an empty
// main object (every root field null, [] or a connection without edges) fails the check with the
// operation, its variables and the errors. Run on its own, it draws the variables from the graph
// as bench/run.ts does (pickVariables), starts the peer (or uses --url) and prints each
// operation's slowest answer:
//   NEO4J_URI=bolt://127.0.0.1:42401 NEO4J_PASSWORD=… \
//     node -r ts-node/register/transpile-only bench/peer/check.ts [-- --ids 10 --url http://127.0.0.1:4100]
import { parseArgs } from 'node:util';
import { Neo4jGateway } from '../../src/db/gateway';
import { freePort } from '../../src/neo4j/ports';
import { pickVariables, type RunningServer, type Variables } from '../example-load';
import { PEER_OPERATIONS, peerOperationText } from './operations';
import { startPeerServer } from './start';

interface GraphQLAnswer {
  data?: Record<string, unknown> | null;
  errors?: unknown[];
}

/** Whether a root field's value holds nothing: null, an empty list or a connection without edges. */
function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  const edges = (value as { edges?: unknown }).edges;
  return Array.isArray(edges) && edges.length === 0;
}

/** POSTs one operation and answers its duration in ms; throws when the answer has errors or nothing in it. */
async function checkOne(url: string, name: string, variables: Variables): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: peerOperationText(name), operationName: name, variables }),
  });
  const answer = (await response.json()) as GraphQLAnswer;
  const ms = performance.now() - started;
  const context = `${name} ${JSON.stringify(variables)}`;
  if (answer.errors?.length || !response.ok) {
    throw new Error(`${context} failed (HTTP ${response.status}): ${JSON.stringify(answer.errors ?? answer)}`);
  }
  if (Object.values(answer.data ?? {}).every(isEmpty)) throw new Error(`${context} answered nothing`);
  return ms;
}

/**
 * Runs every peer operation with each of its variable sets; throws at the first failure. Answers
 * each operation's durations in ms, in the order of the variable sets.
 */
export async function checkPeerExamples(
  url: string,
  variablesByOperation: Record<string, Variables[]>,
): Promise<Record<string, number[]>> {
  const names = PEER_OPERATIONS.map((operation) => operation.name?.value as string);
  const missing = names.filter((name) => !variablesByOperation[name]?.length);
  if (missing.length) throw new Error(`no variables for the peer operations ${missing.join(', ')}`);
  const durations: Record<string, number[]> = {};
  for (const name of names) {
    durations[name] = [];
    for (const variables of variablesByOperation[name]) durations[name].push(await checkOne(url, name, variables));
  }
  return durations;
}

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { ids: { type: 'string', default: '10' }, url: { type: 'string' } } });
  const uri = requiredEnv('NEO4J_URI');
  const password = requiredEnv('NEO4J_PASSWORD');
  const gateway = Neo4jGateway.connect({
    uri,
    user: 'neo4j',
    password,
    database: 'neo4j',
    queryTimeoutMs: 120_000,
    connectionTimeoutMs: 5_000,
  });
  let peer: RunningServer | null = null;
  try {
    const variables = await pickVariables(gateway, Number(values.ids));
    peer = values.url
      ? null
      : await startPeerServer({ NEO4J_URI: uri, NEO4J_PASSWORD: password, PORT: String(await freePort()) });
    const durations = await checkPeerExamples(values.url ?? (peer as RunningServer).url, variables);
    for (const [name, ms] of Object.entries(durations)) {
      process.stdout.write(`${name}: ${ms.length} answers, slowest ${Math.round(Math.max(...ms))} ms\n`);
    }
  } finally {
    await peer?.stop();
    await gateway.close();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  });
}
