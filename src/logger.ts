import pino from 'pino';
import type { Config } from './config';

export type Logger = pino.Logger;

/** JSON lines for machines; readable lines when a person watches a terminal outside production. */
export function createLogger(config: Pick<Config, 'logLevel' | 'env'>): Logger {
  const pretty = process.stdout.isTTY && config.env !== 'production';
  return pino({
    level: config.logLevel,
    base: undefined,
    transport: pretty
      ? { target: 'pino-pretty', options: { ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss' } }
      : undefined,
  });
}
