import { existsSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import type { QueryLimits } from './graphql/limits';

/** The project's root folder: `src/` when run by ts-node or Jest, `dist/` once compiled; both sit one level below it. */
export const PROJECT_ROOT = path.resolve(__dirname, '..');

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

const port = (fallback: number) => z.coerce.number().int().min(1).max(65535).default(fallback);
const milliseconds = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
const memorySize = (fallback: string) =>
  z
    .string()
    .regex(/^\d+[kmg]$/i, 'expected a size such as 512m or 4g')
    .default(fallback);
const count = (fallback: number) => z.coerce.number().int().min(1).default(fallback);
/** An optional whole number in `[min, max]`; "" counts as unset. */
const optionalInteger = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .string()
    .trim()
    .transform((value) => (value === '' ? undefined : value))
    .optional()
    .pipe(z.coerce.number<string | undefined>().int().min(min).max(max).optional());
const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const neo4jUri = z
  .string()
  .trim()
  .regex(
    /^(neo4j|neo4j\+s|neo4j\+ssc|bolt|bolt\+s|bolt\+ssc):\/\/[^\s]+$/,
    'expected a Neo4j URI such as neo4j://host:7687, neo4j+s://xxxx.databases.neo4j.io or bolt://localhost:7687',
  );

const environmentSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    HOST: z.string().trim().min(1).default('127.0.0.1'),
    PORT: port(4000),
    LOG_LEVEL: z.enum(LOG_LEVELS).default('info'),
    NEO4J_URI: optionalText.pipe(neo4jUri.optional()),
    NEO4J_USER: z.string().trim().min(1).default('neo4j'),
    NEO4J_PASSWORD: optionalText,
    NEO4J_DATABASE: z.string().trim().min(1).default('neo4j'),
    NEO4J_QUERY_TIMEOUT_MS: milliseconds(15_000),
    NEO4J_CONNECTION_TIMEOUT_MS: milliseconds(5_000),
    NEO4J_RETRY_MS: milliseconds(2_000),
    NEO4J_MAX_CONCURRENT_TRANSACTIONS: count(8),
    NEO4J_IMPORT_TX_TIMEOUT_MS: milliseconds(600_000),
    NEO4J_IMPORT_RETRY_MS: milliseconds(30_000),
    NEO4J_HOME: optionalText,
    NEO4J_BOLT_PORT: port(7687),
    NEO4J_HEAP: memorySize('4g'),
    NEO4J_PAGECACHE: memorySize('8g'),
    NEO4J_START_TIMEOUT_MS: milliseconds(120_000),
    LOAD_SAMPLE_IF_EMPTY: optionalText.pipe(z.enum(['true', 'false']).optional()),
    GRAPHQL_INTROSPECTION: optionalText.pipe(z.enum(['true', 'false']).optional()),
    QUERY_MAX_DEPTH: count(10),
    QUERY_MAX_ALIASES: count(15),
    QUERY_MAX_DIRECTIVES: count(50),
    QUERY_MAX_TOKENS: count(2000),
    QUERY_MAX_COST: count(20_000),
    REQUEST_DEADLINE_MS: milliseconds(10_000),
    HEAVY_QUERY_COST: count(5000),
    NEO4J_MAX_QUEUED_TRANSACTIONS: count(200),
    NEO4J_MAX_HEAVY_TRANSACTIONS: optionalInteger(1),
    RATE_LIMIT_POINTS: z.coerce.number().int().min(0).default(50_000),
    RATE_LIMIT_WINDOW_SECONDS: count(60),
    RATE_LIMIT_REDIS_URL: optionalText.pipe(
      z
        .string()
        .regex(/^rediss?:\/\/\S+$/, 'expected a Redis URL such as redis://localhost:6379')
        .optional(),
    ),
    CLIENT_MAX_CONCURRENT_REQUESTS: count(10),
    TRUST_PROXY: optionalText,
    HTTP_HEADERS_TIMEOUT_MS: milliseconds(10_000),
    HTTP_REQUEST_TIMEOUT_MS: milliseconds(30_000),
    HTTP_KEEP_ALIVE_TIMEOUT_MS: milliseconds(5_000),
    CORS_ORIGINS: z.string().trim().min(1).default('*'),
    METRICS_PORT: optionalInteger(1, 65535),
    METRICS_TOKEN: optionalText.pipe(z.string().min(16, 'use a token of at least 16 characters').optional()),
    REQUEST_BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)$/i, 'expected a size such as 100kb or 1mb')
      .default('100kb'),
  })
  .superRefine((env, ctx) => {
    if (env.NEO4J_URI && !env.NEO4J_PASSWORD) {
      ctx.addIssue({
        code: 'custom',
        path: ['NEO4J_PASSWORD'],
        message: 'required when NEO4J_URI is set (the password of NEO4J_USER on that server)',
      });
    }
    if (!env.NEO4J_URI && env.NEO4J_USER !== 'neo4j') {
      ctx.addIssue({
        code: 'custom',
        path: ['NEO4J_USER'],
        message: 'the managed Neo4j (used when NEO4J_URI is unset) has the single user "neo4j"',
      });
    }
    if (env.NEO4J_PASSWORD !== undefined && !env.NEO4J_URI && env.NEO4J_PASSWORD.length < 8) {
      ctx.addIssue({
        code: 'custom',
        path: ['NEO4J_PASSWORD'],
        message: 'the managed Neo4j needs a password of at least 8 characters',
      });
    }
  });

/** The password the managed Neo4j gets when none is configured: it only listens on 127.0.0.1. */
const MANAGED_DEFAULT_PASSWORD = 'pwc2-local-neo4j';

export interface ManagedNeo4jConfig {
  /** The instance's folder: its generated conf/, data/, logs/ and run/ (the jars are shared, in .neo4j/lib). */
  home: string;
  boltPort: number;
  heap: string;
  pageCache: string;
  startTimeoutMs: number;
}

export interface Neo4jConnectionConfig {
  /** Unset: the project starts and uses its managed Neo4j. */
  uri: string | undefined;
  user: string;
  password: string;
  database: string;
  queryTimeoutMs: number;
  connectionTimeoutMs: number;
  /** The timeout of the importer's batch transactions, which write thousands of records each. */
  importTxTimeoutMs: number;
  /** How long the importer retries a batch on transient errors (deadlocks, Neo4j restarting) before giving up. */
  importRetryMs: number;
  /** Transactions one process runs at once; more wait in a queue (see Admission). */
  maxConcurrentTransactions: number;
  /** Of those, how many may work for heavy requests (default: half). */
  maxHeavyTransactions?: number;
  /** Transactions that may wait; more are refused with SERVICE_UNAVAILABLE. */
  maxQueuedTransactions: number;
  /** How long a transaction is retried on transient errors (a restarting Neo4j, a leader switch). */
  transactionRetryMs?: number;
}

/** What one client may ask for over time (rate-limiter-flexible; in memory, or shared through Redis). */
export interface BudgetConfig {
  /** Cost points per window; 0 turns the budget off. */
  points: number;
  windowSeconds: number;
  /** Unset: each process counts alone; set: every instance shares the counts in this Redis. */
  redisUrl: string | undefined;
  /** Requests one client may have in flight at once, per process. */
  maxConcurrentRequests: number;
}

export interface HttpConfig {
  host: string;
  port: number;
  /** Express's `trust proxy`: false (default), true, a hop count or addresses/subnets. */
  trustProxy: boolean | number | string;
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  keepAliveTimeoutMs: number;
  /** Origins allowed by CORS (and for WebSocket upgrades): ['*'] for any. */
  corsOrigins: string[];
}

export interface MetricsConfig {
  /** Serve /metrics on this port only, not on the API's. */
  port: number | undefined;
  /** Ask for `Authorization: Bearer <token>` on /metrics. */
  token: string | undefined;
  /** Whether /metrics is served at all (in production only with a port or a token). */
  served: boolean;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  http: HttpConfig;
  budget: BudgetConfig;
  metrics: MetricsConfig;
  /** How long a request may take, waiting for the database included (QUERY_TIMEOUT after). */
  requestDeadlineMs: number;

  /** Schema introspection and the Apollo Sandbox landing page (on by default outside production). */
  introspection: boolean;
  /** What one request may ask for; refused before any Cypher runs. */
  limits: QueryLimits;
  /** The largest request body accepted (larger: 413). */
  bodyLimit: string;
  logLevel: (typeof LOG_LEVELS)[number];
  neo4j: Neo4jConnectionConfig;
  managedNeo4j: ManagedNeo4jConfig;
  /** Load the bundled sample archive (seed/) at start when the graph has no paper. */
  loadSampleIfEmpty: boolean;
  seedDir: string;
  schemaDir: string;
  /** Files the server serves as they are (the explorer's page). */
  publicDir: string;
  /** Metric directions that override the curated rules. */
  metricDirectionsFile: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Adds the settings of the project's `.env` file, if there is one, to the environment (they do not override it). */
export function loadDotEnvFile(file = path.join(PROJECT_ROOT, '.env')): void {
  if (existsSync(file)) process.loadEnvFile(file);
}

/** TRUST_PROXY as Express takes it: unset or "false" trusts nobody; a number counts hops; anything else lists addresses. */
function trustProxy(value: string | undefined): boolean | number | string {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** Reads and validates every setting at once; throws a ConfigError listing all problems. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const name = issue.path.join('.');
        const given = environment[name];
        return `${name}: ${issue.message}${given === undefined ? '' : ` (got "${given}")`}`;
      }),
    );
  }
  const env = parsed.data;
  return {
    env: env.NODE_ENV,
    http: {
      host: env.HOST,
      port: env.PORT,
      trustProxy: trustProxy(env.TRUST_PROXY),
      headersTimeoutMs: env.HTTP_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: env.HTTP_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: env.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      corsOrigins: env.CORS_ORIGINS.split(',')
        .map((origin) => origin.trim())
        .filter(Boolean),
    },
    budget: {
      points: env.RATE_LIMIT_POINTS,
      windowSeconds: env.RATE_LIMIT_WINDOW_SECONDS,
      redisUrl: env.RATE_LIMIT_REDIS_URL,
      maxConcurrentRequests: env.CLIENT_MAX_CONCURRENT_REQUESTS,
    },
    metrics: {
      port: env.METRICS_PORT,
      token: env.METRICS_TOKEN,
      served: env.NODE_ENV !== 'production' || env.METRICS_PORT !== undefined || env.METRICS_TOKEN !== undefined,
    },
    requestDeadlineMs: env.REQUEST_DEADLINE_MS,

    limits: {
      depth: env.QUERY_MAX_DEPTH,
      aliases: env.QUERY_MAX_ALIASES,
      directives: env.QUERY_MAX_DIRECTIVES,
      tokens: env.QUERY_MAX_TOKENS,
      cost: env.QUERY_MAX_COST,
      heavyCost: env.HEAVY_QUERY_COST,
    },
    bodyLimit: env.REQUEST_BODY_LIMIT,
    introspection: env.GRAPHQL_INTROSPECTION ? env.GRAPHQL_INTROSPECTION === 'true' : env.NODE_ENV !== 'production',
    logLevel: env.LOG_LEVEL,
    neo4j: {
      uri: env.NEO4J_URI,
      user: env.NEO4J_USER,
      password: env.NEO4J_PASSWORD ?? MANAGED_DEFAULT_PASSWORD,
      database: env.NEO4J_DATABASE,
      queryTimeoutMs: env.NEO4J_QUERY_TIMEOUT_MS,
      connectionTimeoutMs: env.NEO4J_CONNECTION_TIMEOUT_MS,
      transactionRetryMs: env.NEO4J_RETRY_MS,
      maxConcurrentTransactions: env.NEO4J_MAX_CONCURRENT_TRANSACTIONS,
      maxHeavyTransactions: env.NEO4J_MAX_HEAVY_TRANSACTIONS,
      maxQueuedTransactions: env.NEO4J_MAX_QUEUED_TRANSACTIONS,
      importTxTimeoutMs: env.NEO4J_IMPORT_TX_TIMEOUT_MS,
      importRetryMs: env.NEO4J_IMPORT_RETRY_MS,
    },
    managedNeo4j: {
      home: path.resolve(PROJECT_ROOT, env.NEO4J_HOME ?? '.neo4j/local'),
      boltPort: env.NEO4J_BOLT_PORT,
      heap: env.NEO4J_HEAP,
      pageCache: env.NEO4J_PAGECACHE,
      startTimeoutMs: env.NEO4J_START_TIMEOUT_MS,
    },
    loadSampleIfEmpty: env.LOAD_SAMPLE_IF_EMPTY ? env.LOAD_SAMPLE_IF_EMPTY === 'true' : !env.NEO4J_URI,
    seedDir: path.join(PROJECT_ROOT, 'seed'),
    schemaDir: path.join(PROJECT_ROOT, 'schema'),
    publicDir: path.join(PROJECT_ROOT, 'public'),
    metricDirectionsFile: path.join(PROJECT_ROOT, 'schema', 'metric-directions.json'),
  };
}
