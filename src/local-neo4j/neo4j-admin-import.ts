import { spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ManagedNeo4jConfig } from '../config';
import type { Logger } from '../logger';
import { ensureNeo4jDistribution, NEO4J_LIB_DIR } from './distribution';
import { instanceLayout, jvmOptions, renderNeo4jConf } from './neo4j-conf';

/** One CSV file for neo4j-admin: its nodes' label or its relationships' type, given on the command line. */
export interface AdminCsvFile {
  kind: 'nodes' | 'relationships';
  /** The label or type of every row, or null when the file names them itself (a :LABEL or :TYPE column). */
  name: string | null;
  file: string;
  /** Some value holds a line break: the file is parsed with multiline fields. */
  multiline: boolean;
}

export interface AdminImportRun {
  files: AdminCsvFile[];
  /** Between the elements of array values (neo4j-admin's spelling, e.g. U+001F), if any file has arrays. */
  arrayDelimiter?: string;
  /** neo4j-admin's off-heap budget (--max-off-heap-memory), e.g. "4g". */
  maxOffHeap: string;
  /** Replace a database already in the instance (the bulk import into a graph holding only the sample). */
  overwrite: boolean;
}

export class AdminImportError extends Error {
  override name = 'AdminImportError';
}

/** neo4j-admin's arguments: every file with its label or type, multiline parsing only for the files that need it. */
function importArguments(run: AdminImportRun, reportFile: string): string[] {
  const multiline = run.files.filter(({ multiline }) => multiline).map(({ file }) => file);
  return [
    'neo4j',
    ...run.files.map(({ kind, name, file }) => `--${kind}=${name ? `${name}=` : ''}${file}`),
    ...(multiline.length > 0 ? ['--multiline-fields-format=v2', `--multiline-fields=${multiline.join(',')}`] : []),
    ...(run.arrayDelimiter ? [`--array-delimiter=${run.arrayDelimiter}`] : []),
    ...(run.overwrite ? ['--overwrite-destination=true'] : []),
    '--bad-tolerance=0',
    `--max-off-heap-memory=${run.maxOffHeap}`,
    `--report-file=${reportFile}`,
  ];
}

/**
 * Runs `neo4j-admin database import full` into the database `neo4j` of the (stopped) managed
 * instance in `config.home`, with the neo4j.conf ManagedNeo4j writes at start, so the store lands
 * where the server looks for it. Resolves with its wall time in seconds; on failure the error
 * gives the last lines of its output (kept in logs/admin-import.log).
 */
export async function runAdminImport(config: ManagedNeo4jConfig, run: AdminImportRun, log: Logger): Promise<number> {
  await ensureNeo4jDistribution(log);
  const layout = instanceLayout(config.home);
  for (const dir of [layout.confDir, layout.dataDir, layout.logsDir, layout.runDir])
    mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(layout.confDir, 'neo4j.conf'), renderNeo4jConf(config, layout));
  const output = path.join(layout.logsDir, 'admin-import.log');
  const args = [
    ...jvmOptions(config),
    '-cp',
    `${NEO4J_LIB_DIR}${path.sep}*`,
    'org.neo4j.cli.AdminTool',
    'database',
    'import',
    'full',
    ...importArguments(run, path.join(layout.logsDir, 'import.report')),
  ];
  log.info({ output, files: run.files.length }, 'running neo4j-admin database import full');
  const started = performance.now();
  const outputFd = openSync(output, 'w');
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn('java', args, {
      stdio: ['ignore', outputFd, outputFd],
      env: { ...process.env, NEO4J_HOME: config.home, NEO4J_CONF: layout.confDir },
    });
    child.on('error', reject);
    child.on('close', resolve);
  }).finally(() => closeSync(outputFd));
  if (code !== 0) {
    const tail = readFileSync(output, 'utf8').trimEnd().split('\n').slice(-30).join('\n');
    throw new AdminImportError(`neo4j-admin database import exited ${code}; last lines of ${output}:\n${tail}`);
  }
  return (performance.now() - started) / 1000;
}
