import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import {
  ApolloServerPluginLandingPageLocalDefault,
  ApolloServerPluginLandingPageProductionDefault,
} from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import cors from 'cors';
import express from 'express';
import type { Config } from './config';
import type { Neo4jGateway } from './db/gateway';
import { createContext, type Context } from './graphql/context';
import { createFormatError } from './graphql/format-error';
import { queryLimits } from './graphql/limits';
import { buildGraphQLSchema } from './graphql/schema';
import type { Logger } from './logger';
import { httpErrorHandler, notFound } from './http-errors';
import { Metrics } from './metrics';

export interface HttpApp {
  httpServer: http.Server;
  apollo: ApolloServer<Context>;
}

const REQUEST_ID_HEADER = 'x-request-id';

/**
 * Logs each operation with its request id, duration and the number of Cypher statements it sent,
 * and counts it in the metrics.
 */
function requestLogPlugin(log: Logger, metrics: Metrics): ApolloServerPlugin<Context> {
  return {
    async requestDidStart({ contextValue }) {
      const started = performance.now();
      return {
        async willSendResponse({ operationName, errors }) {
          const codes = (errors ?? []).map((error) => {
            const code = error.extensions?.code;
            return typeof code === 'string' ? code : 'INTERNAL_SERVER_ERROR';
          });
          metrics.recordRequest(operationName, (performance.now() - started) / 1000, codes);
          log.info(
            {
              requestId: contextValue.requestId,
              operation: operationName ?? null,
              ms: Math.round(performance.now() - started),
              cypherQueries: contextValue.stats.queries,
              cypherMs: Math.round(contextValue.stats.dbMs),
              ...(log.isLevelEnabled('debug') && {
                statements: contextValue.stats.statements.map(({ name, ms }) => ({ name, ms: Math.round(ms) })),
              }),
              errors: errors?.length ?? 0,
            },
            'graphql request',
          );
        },
      };
    },
  };
}

/**
 * The HTTP server: GraphQL at /graphql, liveness at /health and readiness (Neo4j reachable) at
 * /ready. It keeps no state between requests, so any number of instances can run side by side.
 */
export async function createHttpApp(config: Config, gateway: Neo4jGateway, log: Logger): Promise<HttpApp> {
  const app = express();
  const httpServer = http.createServer(app);
  const limits = queryLimits(config.limits);
  const metrics = new Metrics();
  const apollo = new ApolloServer<Context>({
    schema: await buildGraphQLSchema(),
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    allowBatchedHttpRequests: false,
    introspection: config.introspection,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: config.env === 'development',
    formatError: createFormatError(log, { hideSuggestions: config.env === 'production' }),
    // serve() owns the signals: it drains Apollo, then closes the driver and the managed Neo4j.
    stopOnTerminationSignals: false,
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      config.introspection
        ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false })
        : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
      requestLogPlugin(log, metrics),
      ...limits.plugins,
    ],
  });
  await apollo.start();

  app.disable('x-powered-by');
  app.get('/health', async (_req, res) => {
    const neo4j = await gateway.ping().then(
      () => 'up',
      () => 'down',
    );
    res.json({ status: 'ok', neo4j });
  });
  app.get('/ready', async (_req, res) => {
    try {
      await gateway.ping();
      res.json({ status: 'ready' });
    } catch (error) {
      res.status(503).json({ status: 'not ready', reason: (error as Error).message });
    }
  });
  app.get('/metrics', async (_req, res) => {
    res.type(metrics.registry.contentType).send(await metrics.registry.metrics());
  });
  app.use(
    '/graphql',
    cors<cors.CorsRequest>(),
    express.json({ limit: config.bodyLimit }),
    expressMiddleware(apollo, {
      context: async ({ req }) => {
        const given = req.headers[REQUEST_ID_HEADER];
        const requestId = typeof given === 'string' && given.length <= 128 ? given : randomUUID();
        return createContext(gateway, requestId, (name, ms) => metrics.recordQuery(name, ms));
      },
    }),
  );
  app.use(notFound);
  app.use(httpErrorHandler(config.bodyLimit, log));
  return { httpServer, apollo };
}
