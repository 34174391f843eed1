import path from 'node:path';
import type { ManagedNeo4jConfig } from '../config';

export interface InstanceLayout {
  confDir: string;
  dataDir: string;
  logsDir: string;
  runDir: string;
}

/** Where a managed instance in `home` keeps its files. */
export function instanceLayout(home: string): InstanceLayout {
  return {
    confDir: path.join(home, 'conf'),
    dataDir: path.join(home, 'data'),
    logsDir: path.join(home, 'logs'),
    runDir: path.join(home, 'run'),
  };
}

/** The neo4j.conf of a managed instance: Bolt on loopback only, no HTTP, sized by the config. */
export function renderNeo4jConf(config: ManagedNeo4jConfig, layout: InstanceLayout): string {
  const settings: Record<string, string> = {
    'server.directories.data': layout.dataDir,
    'server.directories.logs': layout.logsDir,
    'server.directories.run': layout.runDir,
    'server.default_listen_address': '127.0.0.1',
    'server.bolt.listen_address': `127.0.0.1:${config.boltPort}`,
    'server.bolt.advertised_address': `127.0.0.1:${config.boltPort}`,
    'server.http.enabled': 'false',
    'server.https.enabled': 'false',
    'dbms.security.auth_enabled': 'true',
    'dbms.usage_report.enabled': 'false',
    // The JVM is started by us, so the heap is set on its command line; the page cache is Neo4j's own.
    'server.memory.pagecache.size': config.pageCache,
    'db.tx_log.rotation.retention_policy': '1G size',
    // Without these the Bolt server idles 10 s on shutdown waiting for connections that are gone.
    'internal.dbms.bolt.netty_server_shutdown_quiet_period': '0',
    'internal.dbms.bolt.netty_server_shutdown_timeout': '2s',
    'internal.server.bolt.connection_shutdown_wait_time': '1s',
  };
  const lines = Object.entries(settings).map(([key, value]) => `${key}=${value}`);
  return `# Generated at every start from the project's configuration: edit .env, not this file.\n${lines.join('\n')}\n`;
}

/** JVM flags: the heap from the config, plus the module openings Neo4j 5 needs on Java 17. */
export function jvmOptions(config: ManagedNeo4jConfig): string[] {
  return [
    `-Xmx${config.heap}`,
    '-XX:+UseG1GC',
    '-XX:-OmitStackTraceInFastThrow',
    '-XX:+DisableExplicitGC',
    '-XX:+ExitOnOutOfMemoryError',
    '-Djdk.nio.maxCachedBufferSize=1024',
    '-Dio.netty.tryReflectionSetAccessible=true',
    '-Dlog4j2.disable.jmx=true',
    '-Dfile.encoding=UTF-8',
    '--add-opens=java.base/java.nio=ALL-UNNAMED',
    '--add-opens=java.base/java.io=ALL-UNNAMED',
    '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
  ];
}
