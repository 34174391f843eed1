#!/usr/bin/env node
// `npm run generate -- --papers <n> --out <dir> [--seed <n>]`: a synthetic archive of the real
// format, proportions and quirks, for benchmarks and scale tests. A development tool: the server
// never loads it, and its image does not contain it.
import { Command } from 'commander';
import { positiveInteger } from '../../src/cli/options';
import { createLogger } from '../../src/logger';
import { generateCommand } from './command';
import { DEFAULT_SEED } from './index';

const log = createLogger({ logLevel: 'info', env: 'development' });

new Command('generate')
  .description('write a synthetic archive of the real format, proportions and quirks (deterministic for a seed)')
  .requiredOption('--papers <n>', 'number of papers (576261 for the size of the real dump)', positiveInteger)
  .requiredOption('--out <dir>', 'folder to write the five .json.gz files into')
  .option('--seed <n>', 'random seed', positiveInteger, DEFAULT_SEED)
  .action(async (options: { papers: number; out: string; seed: number }) => {
    try {
      await generateCommand(options, log);
    } catch (error) {
      log.fatal(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    }
  })
  .parseAsync()
  .catch((error: unknown) => {
    process.stderr.write(`${String(error)}\n`);
    process.exitCode = 1;
  });
