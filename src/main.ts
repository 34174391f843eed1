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
import { contributorName, createToken, listTokens, revokeTokens, roleOption } from './cli/token';
import type { Role } from './contributor/contributor.type';

/** Runs a command with validated config and a logger; any failure is one clear message and exit code 1. */
function run(
  command: (config: Config, log: Logger) => Promise<void>,
  { logToStderr = false } = {},
): () => Promise<void> {
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
    const log = createLogger(config, { stderr: logToStderr });
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
  .option(
    '--bulk',
    'load an empty managed graph through neo4j-admin (minutes for the whole archive; stops and starts the ' +
      'managed Neo4j, refuses for NEO4J_URI and for a graph holding more than the bundled sample)',
    false,
  )
  .action((paths: string[], options: ImportCommandOptions) =>
    run((config, log) => importCommand(paths, options, config, log))(),
  );

const token = program
  .command('token')
  .description('API tokens of contributors, moderators and admins (NEO4J_URI, or the managed Neo4j)');
token
  .command('create')
  .description('create a token and print it (only it, on stdout; it is shown once: the graph keeps its SHA-256 hash)')
  .requiredOption(
    '--name <name>',
    'the contributor (created if new; one contributor may hold several tokens)',
    contributorName,
  )
  .requiredOption('--role <role>', 'contributor, moderator or admin', roleOption)
  .action((options: { name: string; role: Role }) =>
    run((config, log) => createToken(options, config, log), { logToStderr: true })(),
  );
token
  .command('list')
  .description('list every token: name, role, token id, creation time and whether it is revoked (never the token)')
  .action(run(listTokens, { logToStderr: true }));
token
  .command('revoke')
  .description("revoke a contributor's tokens (all of them, or one with --token)")
  .argument('<name>', 'the contributor')
  .option('--token <id>', 'only the token with this id (see `token list`)')
  .action((name: string, options: { token?: string }) =>
    run((config, log) => revokeTokens(name, options, config, log), { logToStderr: true })(),
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
