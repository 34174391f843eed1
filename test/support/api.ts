import type { Neo4jGateway } from '../../src/db/gateway';
import { createContext, type RequestStats } from '../../src/graphql/context';
import { createHttpApp, type HttpApp } from '../../src/server';
import { loadSample, openTestGraph } from './graph';
import { testLogger } from './test-neo4j';

export const SEED_PAPER = 'an-image-is-worth-one-word-personalizing';

export interface ApiResult<Data> {
  data?: Data | null;
  errors?: readonly { message: string; path?: readonly (string | number)[]; extensions?: Record<string, unknown> }[];
}

export type Execute = <Data = Record<string, unknown>>(
  query: string,
  variables?: Record<string, unknown>,
) => Promise<{ result: ApiResult<Data>; stats: RequestStats }>;

/**
 * The GraphQL server of the test file, over the sample graph, called through `executeOperation`
 * with a fresh context per call (as the HTTP server makes one per request).
 */
export function useSampleApi(): { execute: Execute; gateway: () => Neo4jGateway } {
  let gateway: Neo4jGateway;
  let app: HttpApp;
  beforeAll(async () => {
    const graph = await openTestGraph();
    gateway = graph.gateway;
    await loadSample(gateway);
    // The answers are under test here, not the budget (test/fair-sharing.e2e.test.ts): it is off.
    app = await createHttpApp({ ...graph.config, budget: { ...graph.config.budget, points: 0 } }, gateway, testLogger);
  });
  afterAll(async () => {
    await app?.stop();
    await gateway?.close();
  });
  const execute: Execute = async (query, variables = {}) => {
    const contextValue = createContext(gateway, { requestId: 'test-request' });
    const response = await app.apollo.executeOperation({ query, variables }, { contextValue });
    if (response.body.kind !== 'single') throw new Error('expected a single result');
    return { result: response.body.singleResult as ApiResult<never>, stats: contextValue.stats };
  };
  return { execute, gateway: () => gateway };
}

/** The data of a result that must have no errors. */
export function dataOf<Data>({ result }: { result: ApiResult<Data> }): Data {
  if (result.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.data as Data;
}

/** The codes of a result's errors. */
export function errorCodes(result: ApiResult<unknown>): unknown[] {
  return (result.errors ?? []).map((error) => error.extensions?.code);
}
