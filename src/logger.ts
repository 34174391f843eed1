import pino from 'pino';
import type { Config } from './config';

export type Logger = pino.Logger;

/**
 * JSON lines for machines; readable lines when a person watches a terminal outside production.
 * On stdout, or on stderr for commands whose stdout is their answer (`token create` prints the token).
 */
export function createLogger(config: Pick<Config, 'logLevel' | 'env'>, { stderr = false } = {}): Logger {
  const stream = stderr ? process.stderr : process.stdout;
  const pretty = stream.isTTY && config.env !== 'production';
  return pino(
    {
      level: config.logLevel,
      base: undefined,
      transport: pretty
        ? {
            target: 'pino-pretty',
            options: { ignore: 'pid,hostname', translateTime: 'SYS:HH:MM:ss', destination: stderr ? 2 : 1 },
          }
        : undefined,
    },
    pretty ? undefined : pino.destination(stderr ? 2 : 1),
  );
}
