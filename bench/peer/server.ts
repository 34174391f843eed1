// The peer of the API benchmark: the Neo4j GraphQL Library (@neo4j/graphql, a dev dependency)
// serving the same graph with bench/peer/type-defs.graphql, in its own process, mounted as ours
// is (Apollo Server 5 on express 5 at /graphql) and production-like: no introspection, no landing
// page, no debug logging, no batching, CSRF prevention on. GET /ready answers 200 once the schema
// is built and Neo4j answers (503 while it does not), so bench/example-load.ts's waitReady works.
// Run: NEO4J_URI=bolt://127.0.0.1:7687 NEO4J_PASSWORD=… PORT=4100 \
//        node -r ts-node/register/transpile-only bench/peer/server.ts
// (NEO4J_USER defaults to neo4j). bench/run.ts starts it so and waits for it.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import neo4j, { type Driver } from 'neo4j-driver';

const TYPE_DEFS = path.join(__dirname, 'type-defs.graphql');

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

/** Whether Neo4j answers a trivial read. */
async function neo4jAnswers(driver: Driver): Promise<boolean> {
  try {
    await driver.executeQuery('RETURN 1', {}, { routing: neo4j.routing.READ });
    return true;
  } catch {
    return false;
  }
}

/** The HTTP server: the library's schema at /graphql and readiness at /ready. */
async function createPeerApp(driver: Driver): Promise<{ httpServer: http.Server; apollo: ApolloServer }> {
  // The schema is generated from the type definitions; nothing is asserted or created in Neo4j.
  const schema = await new Neo4jGraphQL({ typeDefs: readFileSync(TYPE_DEFS, 'utf8'), driver }).getSchema();
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer({
    schema,
    introspection: false,
    allowBatchedHttpRequests: false,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    plugins: [ApolloServerPluginDrainHttpServer({ httpServer }), ApolloServerPluginLandingPageDisabled()],
  });
  await apollo.start();
  app.disable('x-powered-by');
  app.get('/ready', async (_req, res) => {
    if (await neo4jAnswers(driver)) res.json({ status: 'ready' });
    else res.status(503).json({ status: 'not ready' });
  });
  app.use('/graphql', express.json({ limit: '100kb' }), expressMiddleware(apollo, { context: async () => ({}) }));
  return { httpServer, apollo };
}

async function main(): Promise<void> {
  const driver = neo4j.driver(
    requiredEnv('NEO4J_URI'),
    neo4j.auth.basic(process.env.NEO4J_USER ?? 'neo4j', requiredEnv('NEO4J_PASSWORD')),
  );
  const { httpServer, apollo } = await createPeerApp(driver);
  const port = Number(requiredEnv('PORT'));
  await new Promise<void>((resolve) => httpServer.listen(port, '127.0.0.1', resolve));
  process.stderr.write(`peer (@neo4j/graphql) listening on http://127.0.0.1:${port}/graphql\n`);
  const stop = async () => {
    await apollo.stop();
    await driver.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  });
}
