// Starts the benchmark's peer (bench/peer/server.ts, the Neo4j GraphQL Library over the same
// graph) in its own process, as bench/example-load.ts starts ours, and waits until it is ready.
import { startServerProcess, type RunningServer } from '../example-load';

/** What the peer process reads from its environment (NEO4J_USER defaults to neo4j). */
export interface PeerEnv {
  NEO4J_URI: string;
  NEO4J_PASSWORD: string;
  PORT: string;
  NEO4J_USER?: string;
}

/** Starts the peer on `env.PORT` (production mode, stderr inherited) and waits until /ready answers 200. */
export function startPeerServer(env: PeerEnv): Promise<RunningServer> {
  return startServerProcess('peer', ['-r', 'ts-node/register/transpile-only', 'bench/peer/server.ts'], { ...env });
}
