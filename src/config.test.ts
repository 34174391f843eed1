import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ConfigError, loadConfig, PROJECT_ROOT } from './config';

describe('loadConfig', () => {
  it('defaults to the managed Neo4j and port 4000', () => {
    const config = loadConfig({});
    expect(config.neo4j.uri).toBeUndefined();
    expect(config.neo4j.user).toBe('neo4j');
    expect(config.http).toEqual({
      host: '127.0.0.1',
      port: 4000,
      trustProxy: false,
      headersTimeoutMs: 10_000,
      requestTimeoutMs: 30_000,
      keepAliveTimeoutMs: 5_000,
      corsOrigins: ['*'],
    });
    expect(config.budget).toEqual({
      points: 50_000,
      windowSeconds: 60,
      redisUrl: undefined,
      maxConcurrentRequests: 10,
    });
    expect(config.metrics).toEqual({ port: undefined, token: undefined, served: true });
    expect(config.managedNeo4j.home).toBe(path.join(PROJECT_ROOT, '.neo4j', 'local'));
    expect(config.loadSampleIfEmpty).toBe(true);
  });

  it('turns introspection off in production unless GRAPHQL_INTROSPECTION says otherwise', () => {
    expect(loadConfig({}).introspection).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'true' }).introspection).toBe(true);
    expect(loadConfig({ GRAPHQL_INTROSPECTION: 'false' }).introspection).toBe(false);
    expect(() => loadConfig({ GRAPHQL_INTROSPECTION: 'yes' })).toThrow(/GRAPHQL_INTROSPECTION/);
  });

  it('reads the budget, the proxy trust and /metrics settings', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).http.trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).http.trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: 'loopback, 10.0.0.0/8' }).http.trustProxy).toBe('loopback, 10.0.0.0/8');
    expect(loadConfig({ RATE_LIMIT_POINTS: '0' }).budget.points).toBe(0);
    expect(loadConfig({ CORS_ORIGINS: 'https://a.org, https://b.org' }).http.corsOrigins).toEqual([
      'https://a.org',
      'https://b.org',
    ]);
    expect(loadConfig({ NODE_ENV: 'production' }).metrics.served).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', METRICS_PORT: '9464' }).metrics).toEqual({
      port: 9464,
      token: undefined,
      served: true,
    });
    expect(loadConfig({ NEO4J_MAX_HEAVY_TRANSACTIONS: '' }).neo4j.maxHeavyTransactions).toBeUndefined();
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN: use a token of at least 16/);
    expect(() => loadConfig({ RATE_LIMIT_REDIS_URL: 'localhost:6379' })).toThrow(/RATE_LIMIT_REDIS_URL/);
    expect(() => loadConfig({ METRICS_PORT: 'x' })).toThrow(/METRICS_PORT/);
  });

  it('accepts a routing URI for a cluster or Aura, with its password', () => {
    const config = loadConfig({ NEO4J_URI: 'neo4j+s://abcd1234.databases.neo4j.io', NEO4J_PASSWORD: 'secret' });
    expect(config.neo4j.uri).toBe('neo4j+s://abcd1234.databases.neo4j.io');
    expect(config.loadSampleIfEmpty).toBe(false);
  });

  it('reports every problem at once, naming each variable and what it got', () => {
    let caught: unknown;
    try {
      loadConfig({ NEO4J_URI: 'http://localhost:7474', PORT: 'eighty', NEO4J_HEAP: 'lots', LOG_LEVEL: 'loud' });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems.join('\n');
    expect(problems).toMatch(/NEO4J_URI: expected a Neo4j URI .*\(got "http:\/\/localhost:7474"\)/);
    expect(problems).toMatch(/PORT: .*\(got "eighty"\)/);
    expect(problems).toMatch(/NEO4J_HEAP: expected a size such as 512m or 4g/);
    expect(problems).toMatch(/LOG_LEVEL: /);
  });

  it('requires a password with NEO4J_URI, and the single user "neo4j" without it', () => {
    expect(() => loadConfig({ NEO4J_URI: 'bolt://db:7687' })).toThrow(/NEO4J_PASSWORD: required when NEO4J_URI is set/);
    expect(() => loadConfig({ NEO4J_USER: 'alice' })).toThrow(
      /NEO4J_USER: the managed Neo4j .* has the single user "neo4j"/,
    );
    expect(() => loadConfig({ NEO4J_PASSWORD: 'short' })).toThrow(/at least 8 characters/);
  });

  it('accepts .env.example as it is, and gives it the defaults', () => {
    const example = readFileSync(path.join(PROJECT_ROOT, '.env.example'), 'utf8');
    const environment = Object.fromEntries(
      example
        .split('\n')
        .filter((line) => /^[A-Z_0-9]+=/.test(line))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
    );
    expect(Object.keys(environment).length).toBeGreaterThan(10);
    expect(loadConfig(environment)).toEqual(loadConfig({}));
  });

  it('treats an empty NEO4J_URI as unset', () => {
    expect(loadConfig({ NEO4J_URI: '' }).neo4j.uri).toBeUndefined();
  });
});
