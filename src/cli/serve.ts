import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadSampleIfEmpty } from '../archive/sample';
import type { Config } from '../config';
import { connectGraph } from '../db/graph-connection';
import type { Logger } from '../logger';
import { createHttpApp } from '../server';

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
}

/** `serve`: connects the graph (starting the managed Neo4j if needed), then serves GraphQL until SIGINT/SIGTERM. */
export async function serve(config: Config, log: Logger): Promise<void> {
  const graph = await connectGraph(config, log);
  let stopping = false;
  try {
    if (config.loadSampleIfEmpty) await loadSampleIfEmpty(graph.gateway, config, log);
    const app = await createHttpApp(config, graph.gateway, log);
    const { httpServer, metricsServer } = app;
    await listen(httpServer, config.http.port, config.http.host);
    if (metricsServer && config.metrics.port !== undefined) {
      await listen(metricsServer, config.metrics.port, config.http.host);
      log.info(`metrics at http://${config.http.host}:${config.metrics.port}/metrics`);
    }
    const { port } = httpServer.address() as AddressInfo;
    const shownHost = ['127.0.0.1', '0.0.0.0', '::'].includes(config.http.host) ? 'localhost' : config.http.host;
    log.info(`GraphQL server ready at http://${shownHost}:${port}/graphql`);

    const shutdown = async (signal: NodeJS.Signals) => {
      if (stopping) {
        log.warn(`second ${signal}: exiting now`);
        process.exit(1);
      }
      stopping = true;
      log.info({ signal }, 'shutting down: draining requests, closing Neo4j');
      await app.stop(); // stops accepting connections and drains in-flight requests
      await graph.close();
      log.info('stopped');
    };
    process.on('SIGINT', (signal) => void shutdown(signal));
    process.on('SIGTERM', (signal) => void shutdown(signal));
  } catch (error) {
    await graph.close();
    throw error;
  }
}
