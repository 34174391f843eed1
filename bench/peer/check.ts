// The check to run before measuring the peer (bench/run.ts): every operation of
// bench/peer/examples.graphql is POSTed once per variable set, and any answer with GraphQL
// errors, a non-200 status or an empty main object (every root field null, [] or a connection
// without edges) fails the check with the operation, its variables and the errors.
import { postGraphQL, type Variables } from '../example-load';
import { PEER_OPERATIONS, peerRequestBodies } from './operations';

/** Whether a root field's value holds nothing: null, an empty list or a connection without edges. */
function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  const edges = (value as { edges?: unknown }).edges;
  return Array.isArray(edges) && edges.length === 0;
}

/** Runs every peer operation with each of its variable sets; throws at the first failure. */
export async function checkPeerExamples(url: string, variablesByOperation: Record<string, Variables[]>): Promise<void> {
  const names = PEER_OPERATIONS.map((operation) => operation.name?.value as string);
  const missing = names.filter((name) => !variablesByOperation[name]?.length);
  if (missing.length) throw new Error(`no variables for the peer operations ${missing.join(', ')}`);
  for (const name of names) {
    for (const body of peerRequestBodies(name, variablesByOperation[name])) {
      const { status, answer } = await postGraphQL(url, body);
      if (answer.errors?.length || status !== 200) {
        throw new Error(`${body} failed (HTTP ${status}): ${JSON.stringify(answer.errors ?? answer)}`);
      }
      if (Object.values(answer.data ?? {}).every(isEmpty)) throw new Error(`${body} answered nothing`);
    }
  }
}
