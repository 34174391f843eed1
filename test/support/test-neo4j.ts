import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pino from 'pino';
import type { ManagedNeo4jConfig } from '../../src/config';
import { freePort } from '../../src/local-neo4j/ports';

/** The password of every throwaway test instance. */
export const TEST_PASSWORD = 'pwc2-test-password';

/** A logger that keeps test output clean; set TEST_LOG_LEVEL=debug to see what the code logs. */
export const testLogger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

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
