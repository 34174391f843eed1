import type { AddressInfo } from 'node:net';
import type { Config } from '../../src/config';
import type { Neo4jGateway } from '../../src/db/gateway';
import { createHttpApp } from '../../src/server';
import { testLogger } from './test-neo4j';

export interface TestHttpServer {
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  /** `${baseUrl}/graphql` */
  url: string;
  /** Stops Apollo and the HTTP server (the gateway stays open: it is the caller's). */
  close: () => Promise<void>;
}

/** The real HTTP server over `gateway`, listening on a free local port. */
export async function listenHttp(config: Config, gateway: Neo4jGateway): Promise<TestHttpServer> {
  const app = await createHttpApp(config, gateway, testLogger);
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const baseUrl = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
  return { baseUrl, url: `${baseUrl}/graphql`, close: () => app.stop() };
}
