import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginLandingPageProductionDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { Config } from './config';
import type { Neo4jGateway } from './db/gateway';
import { createContext, type Context } from './graphql/context';
import { readExamples } from './graphql/examples';
import { createFormatError } from './graphql/format-error';
import { queryLimits } from './graphql/limits';
import { buildGraphQLSchema } from './graphql/schema';
import type { Logger } from './logger';
import { authenticate, AuthenticationError } from './http/authentication';
import { identifyClient, requestClient } from './http/clients';
import { ContributorRepository } from './contributor/contributor.repository';
import type { Ticket } from './db/admission';
import { corsFor } from './http/cors';
import { explorerRouter } from './http/explorer';
import { httpErrorHandler, notFound } from './http/http-errors';
import { metricsEndpoint } from './http/metrics-endpoint';
import { budgetCharge, budgetHeadersPlugin, RateBudget } from './http/rate-budget';
import { sandboxLandingPage } from './http/sandbox-landing';
import { Metrics } from './metrics';

export interface HttpApp {
  httpServer: http.Server;
  /** The server of /metrics when METRICS_PORT puts it on a port of its own. */
  metricsServer: http.Server | undefined;
  apollo: ApolloServer<Context>;
  /** Drains requests and stops Apollo, the metrics server and the budget's store connection. */
  stop(): Promise<void>;
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
        async willSendResponse({ operationName, errors, response }) {
          const { stats } = contextValue;
          // Server-Timing: what a browser's developer tools (and any client) show of where the time went.
          response.http.headers.set(
            'server-timing',
            `db;dur=${stats.dbMs.toFixed(1)}, queue;dur=${stats.waitedMs.toFixed(1)}, total;dur=${(performance.now() - started).toFixed(1)}`,
          );
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
              queuedMs: Math.round(contextValue.stats.waitedMs),
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
 * The HTTP server: GraphQL at /graphql, liveness at /health, readiness at /ready (Neo4j reachable
 * and the transaction queue not saturated), Prometheus metrics at /metrics (or on their own port).
 * It keeps no state between requests that another instance would need: budgets are shared through
 * Redis when RATE_LIMIT_REDIS_URL is set, so any number of instances can run side by side.
 */
export async function createHttpApp(config: Config, gateway: Neo4jGateway, log: Logger): Promise<HttpApp> {
  const app = express();
  const httpServer = http.createServer(
    {
      headersTimeout: config.http.headersTimeoutMs,
      requestTimeout: config.http.requestTimeoutMs,
      // How often Node checks those timeouts (30 s by default, which would let a slow client hold on longer).
      connectionsCheckingInterval: Math.min(1000, config.http.headersTimeoutMs),
    },
    app,
  );
  httpServer.keepAliveTimeout = config.http.keepAliveTimeoutMs;
  const budget = await RateBudget.create(config.budget, log);
  const limits = queryLimits(config.limits, budget ? budgetCharge(budget) : undefined);
  const examples = readExamples(config.schemaDir).operations;
  const metrics = new Metrics(
    gateway.admission,
    examples.map((operation) => operation.name),
  );
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
      config.introspection ? sandboxLandingPage() : ApolloServerPluginLandingPageProductionDefault({ footer: false }),
      requestLogPlugin(log, metrics),
      ...limits.plugins,
      budgetHeadersPlugin(),
    ],
  });
  await apollo.start();

  /** The request's contributor (see authenticate); a refusal is logged (never the token) and counted. */
  const authenticateRequest = async (header: string | undefined, ticket: Ticket, requestId: string) => {
    const contributors = new ContributorRepository(gateway.onBehalfOf(ticket));
    try {
      return await authenticate(header, async (hash) => (await contributors.byTokenHashes([hash])).get(hash) ?? null);
    } catch (error) {
      if (error instanceof AuthenticationError) {
        metrics.recordAuthFailure(error.reason);
        log.warn({ requestId, client: ticket.client, reason: error.reason }, 'authentication failed');
      }
      throw error;
    }
  };

  app.disable('x-powered-by');
  app.set('trust proxy', config.http.trustProxy);
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
    } catch (error) {
      res.status(503).json({ status: 'not ready', reason: (error as Error).message });
      return;
    }
    if (gateway.admission.saturated()) {
      const { queued } = gateway.admission.load;
      res.status(503).json({ status: 'not ready', reason: `saturated: ${queued} transactions are waiting` });
      return;
    }
    res.json({ status: 'ready' });
  });
  let metricsServer: http.Server | undefined;
  if (config.metrics.served) {
    const endpoint = metricsEndpoint(metrics, config.metrics.token);
    if (config.metrics.port === undefined) {
      app.get('/metrics', endpoint);
    } else {
      const metricsApp = express().disable('x-powered-by');
      metricsApp.get('/metrics', endpoint).use(notFound);
      metricsServer = http.createServer(metricsApp);
    }
  } else {
    log.warn('/metrics is off: in production set METRICS_TOKEN or METRICS_PORT to serve it');
  }
  app.use(
    '/graphql',
    corsFor(config.http.corsOrigins),
    identifyClient(config.budget.maxConcurrentRequests),
    express.json({ limit: config.bodyLimit }),
    expressMiddleware(apollo, {
      context: async ({ req, res }) => {
        const given = req.headers[REQUEST_ID_HEADER];
        const requestId = typeof given === 'string' && given.length <= 128 ? given : randomUUID();
        const ticket = {
          client: requestClient(res),
          deadline: Date.now() + config.requestDeadlineMs,
          limitMs: config.requestDeadlineMs,
          heavy: false,
        };
        const contributor = await authenticateRequest(req.headers.authorization, ticket, requestId);
        return createContext(gateway, {
          requestId,
          // A verified token is the client its budget and turn are counted for, wherever it comes from.
          ticket: contributor ? { ...ticket, client: `contributor:${contributor.id}` } : ticket,
          contributor,
          onStatement: (statement, ms) => metrics.recordQuery(statement, ms),
        });
      },
    }),
  );
  // The explorer shows the schema, so it follows GRAPHQL_INTROSPECTION (off in production by default).
  if (config.introspection) app.use(explorerRouter(config.publicDir, examples));
  app.use(notFound);
  app.use(httpErrorHandler(config.bodyLimit, log));
  return {
    httpServer,
    metricsServer,
    apollo,
    stop: async () => {
      await apollo.stop();
      if (metricsServer?.listening) await new Promise((resolve) => metricsServer.close(resolve));
      await budget?.close();
    },
  };
}
