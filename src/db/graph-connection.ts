import type { Config, Neo4jConnectionConfig } from '../config';
import { Neo4jGateway } from './gateway';
import { migrateGraph } from './migrations';
import { applySchema } from './schema';
import type { Logger } from '../logger';
import { ManagedNeo4j } from '../local-neo4j/managed-neo4j';

/** The graph a command works on: NEO4J_URI's server, or the managed Neo4j, with the schema applied and the model migrated. */
export interface GraphConnection {
  gateway: Neo4jGateway;
  /** Closes the driver, then stops the managed Neo4j if this process started it. */
  close(): Promise<void>;
}

/** The connection settings of an import: long batch transactions, retried while Neo4j restarts. */
export function importingNeo4j(neo4j: Neo4jConnectionConfig): Neo4jConnectionConfig {
  // Parallel writers can deadlock on a shared author; Neo4j then aborts one, which is retried,
  // as are batches while Neo4j restarts. A Neo4j gone for longer ends the import with a message.
  return { ...neo4j, queryTimeoutMs: neo4j.importTxTimeoutMs, transactionRetryMs: neo4j.importRetryMs };
}

export async function connectGraph(config: Config, log: Logger): Promise<GraphConnection> {
  let managed: ManagedNeo4j | undefined;
  let uri = config.neo4j.uri;
  if (!uri) {
    managed = new ManagedNeo4j(config.managedNeo4j, config.neo4j.password, log);
    await managed.start();
    uri = managed.uri;
  }
  const gateway = Neo4jGateway.connect({ ...config.neo4j, uri });
  const close = async () => {
    await gateway.close();
    await managed?.stop();
  };
  try {
    await gateway.ping();
    await applySchema(gateway, config.schemaDir, log);
    await migrateGraph(gateway, log);
  } catch (error) {
    await close();
    throw error;
  }
  return { gateway, close };
}
