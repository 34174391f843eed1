import { generateArchive } from './index';
import type { Logger } from '../../src/logger';

/** `generate`: a synthetic full-format archive, for benchmarks and scale tests. */
export async function generateCommand(options: { papers: number; out: string; seed: number }, log: Logger) {
  const started = performance.now();
  let lastLog = 0;
  const summary = await generateArchive({
    ...options,
    onProgress: (file, written, total) => {
      if (Date.now() - lastLog < 5_000 && written < total) return;
      lastLog = Date.now();
      log.info({ file, written, total }, 'generating');
    },
  });
  log.info({ seconds: Math.round((performance.now() - started) / 100) / 10, ...summary }, 'archive generated');
}
