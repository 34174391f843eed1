import type { AddressInfo } from 'node:net';
import { loadSampleIfEmpty } from './archive/sample';
import type { Config } from './config';
import { connectGraph } from './graph-connection';
import type { Logger } from './logger';
import { createHttpApp } from './server';

/** `serve`: connects the graph (starting the managed Neo4j if needed), then serves GraphQL until SIGINT/SIGTERM. */
export async function serve(config: Config, log: Logger): Promise<void> {
  const graph = await connectGraph(config, log);
  let stopping = false;
  try {
    if (config.loadSampleIfEmpty) await loadSampleIfEmpty(graph.gateway, config, log);
    const { httpServer, apollo } = await createHttpApp(config, graph.gateway, log);
    await new Promise<void>((resolve, reject) => {
      httpServer.once('error', reject);
      httpServer.listen(config.http.port, config.http.host, resolve);
    });
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
      await apollo.stop(); // stops accepting connections and drains in-flight requests
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
