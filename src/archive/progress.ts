import { SingleBar } from 'cli-progress';
import type { Logger } from '../logger';

/** Told how far the importer is in a file: bytes of the file read (for the ETA) and records done. */
export interface Progress {
  start(label: string, totalBytes: number): void;
  update(bytesRead: number, records: number): void;
  stop(): void;
}

export const SILENT_PROGRESS: Progress = { start() {}, update() {}, stop() {} };

const LOG_EVERY_MS = 10_000;

/** A bar per file with records, rate and ETA on a terminal; a plain log line every 10 s otherwise. */
export function createProgress(log: Logger, interactive = Boolean(process.stderr.isTTY)): Progress {
  if (interactive) {
    let bar: SingleBar | undefined;
    let started = 0;
    return {
      start(label, totalBytes) {
        started = Date.now();
        bar = new SingleBar({
          format: `${label.padEnd(36)} |{bar}| {percentage}% | {records} records | {rate}/s | ETA {eta_formatted}`,
          barsize: 24,
          etaBuffer: 50,
          stream: process.stderr,
        });
        bar.start(Math.max(totalBytes, 1), 0, { records: 0, rate: 0 });
      },
      update(bytesRead, records) {
        const seconds = (Date.now() - started) / 1000;
        bar?.update(bytesRead, { records, rate: seconds > 0 ? Math.round(records / seconds) : 0 });
      },
      stop() {
        bar?.stop();
      },
    };
  }
  let label = '';
  let total = 1;
  let started = 0;
  let lastLog = 0;
  return {
    start(name, totalBytes) {
      label = name;
      total = Math.max(totalBytes, 1);
      started = lastLog = Date.now();
    },
    update(bytesRead, records) {
      const now = Date.now();
      if (now - lastLog < LOG_EVERY_MS) return;
      lastLog = now;
      const fraction = bytesRead / total;
      const seconds = (now - started) / 1000;
      const eta = fraction > 0 ? Math.round(seconds / fraction - seconds) : null;
      log.info(
        {
          file: label,
          percent: Math.round(fraction * 100),
          records,
          perSecond: Math.round(records / seconds),
          etaSeconds: eta,
        },
        'importing',
      );
    },
    stop() {},
  };
}
