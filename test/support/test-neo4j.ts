import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { ManagedNeo4jConfig } from '../../src/config';

/** The password of every throwaway test instance. */
export const TEST_PASSWORD = 'pwc2-test-password';

/** A logger that keeps test output clean; set TEST_LOG_LEVEL=debug to see what the code logs. */
export const testLogger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

/** A port nobody listens on right now (the OS picks it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Settings for a small managed instance in a new temporary folder, on a free port. */
export async function throwawayInstanceConfig(): Promise<ManagedNeo4jConfig> {
  return {
    home: mkdtempSync(path.join(os.tmpdir(), 'pwc2-test-neo4j-')),
    boltPort: await freePort(),
    heap: '1g',
    pageCache: '256m',
    startTimeoutMs: 180_000,
  };
}
