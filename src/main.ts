#!/usr/bin/env node
import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { positiveInteger } from './cli/options';
import { ConfigError, loadConfig, loadDotEnvFile, type Config } from './config';
import { buildGraphQLSchema, printSdl } from './graphql/schema';
import { createLogger, type Logger } from './logger';
import { DEFAULT_BATCH_SIZE, DEFAULT_WRITERS } from './archive/import-archive';
import { importCommand, type ImportCommandOptions } from './cli/import';
import { serve } from './cli/serve';

/** Runs a command with validated config and a logger; any failure is one clear message and exit code 1. */
function run(command: (config: Config, log: Logger) => Promise<void>): () => Promise<void> {
  return async () => {
    let config: Config;
    try {
      loadDotEnvFile();
      config = loadConfig();
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      process.stderr.write(`${error.message}\nSee .env.example for every setting.\n`);
      process.exit(1);
    }
    const log = createLogger(config);
    try {
      await command(config, log);
    } catch (error) {
      log.fatal(error instanceof Error ? error.message : String(error));
      log.flush();
      process.exitCode = 1;
    }
  };
}

const program = new Command('pwc2').description(
  'Papers With Code 2: a GraphQL server over a Neo4j knowledge graph of machine-learning research',
);

program
  .command('serve', { isDefault: true })
  .description('serve GraphQL at /graphql (starts the managed Neo4j when NEO4J_URI is not set)')
  .action(run(serve));

program
  .command('import')
  .description(
    'import Papers With Code archive files (papers-with-abstracts, links-between-papers-and-code, ' +
      'evaluation-tables, methods, datasets; .json or .json.gz, plain or jul-28-/jul-29- prefixed) into the graph: ' +
      'NEO4J_URI, or the managed Neo4j (the one `npm start` runs, or started for the import)',
  )
  .argument('<paths...>', 'archive files, or folders holding them')
  .option('--batch-size <n>', 'records written per transaction', positiveInteger, DEFAULT_BATCH_SIZE)
  .option('--writers <n>', 'transactions writing papers and code links at once', positiveInteger, DEFAULT_WRITERS)
  .option('--report <file>', 'also write the import report (counts, skipped and repaired records) as JSON')
  .option('--no-progress', 'no progress bar (plain progress lines are logged when not on a terminal)')
  .action((paths: string[], options: ImportCommandOptions) =>
    run((config, log) => importCommand(paths, options, config, log))(),
  );

program
  .command('emit-schema')
  .description('write the GraphQL SDL to schema/schema.graphql')
  .action(
    run(async (config, log) => {
      const file = path.join(config.schemaDir, 'schema.graphql');
      writeFileSync(file, printSdl(await buildGraphQLSchema()));
      log.info({ file }, 'schema written');
    }),
  );

void program.parseAsync();
