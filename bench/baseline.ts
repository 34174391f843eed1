// The server as it was at another commit, built beside this checkout for `npm run bench --
// --baseline <ref>`: both then run over the same graph in the same run, so a change can show what
// it costs. The build lives in .bench/baseline/<commit> and is reused by later runs.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from 'pino';
import { PROJECT_ROOT } from '../src/config';
import type { Neo4jGateway } from '../src/db/gateway';
import { freePort } from '../src/local-neo4j/ports';
import { BENCH_DIR } from './bench-graph';
import { startServerProcess } from './example-load';
import { checkSameAnswers, measureInTurns, ratio, type TurnSettings } from './measure';
import { sameAnswer } from './same-data';

export interface BaselineBuild {
  /** The full commit id the ref named. */
  commit: string;
  /** Its checkout, built: `node dist/main.js serve` there runs that commit's server. */
  dir: string;
}

const git = (...args: string[]) => execFileSync('git', args, { cwd: PROJECT_ROOT, encoding: 'utf8' }).trim();

/** Checks out and builds `ref` (a commit, tag or branch) unless that commit is built already. */
export function buildBaseline(ref: string, log: Logger): BaselineBuild {
  let commit: string;
  try {
    commit = git('rev-parse', '--verify', `${ref}^{commit}`);
  } catch {
    throw new Error(`--baseline ${ref}: not a commit of this repository (try a hash, a tag or a branch)`);
  }
  const dir = path.join(BENCH_DIR, 'baseline', commit);
  const built = path.join(dir, 'dist', 'main.js');
  if (existsSync(built)) return { commit, dir };
  log.info({ ref, commit, dir }, 'building the baseline');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C "${dir}"`], { cwd: PROJECT_ROOT, stdio: 'inherit' });
  // The same lock file means the same packages: share this checkout's, else install that commit's.
  const sameLock =
    readFileSync(path.join(dir, 'package-lock.json'), 'utf8') ===
    readFileSync(path.join(PROJECT_ROOT, 'package-lock.json'), 'utf8');
  if (sameLock) symlinkSync(path.join(PROJECT_ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  else execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: dir, stdio: 'inherit' });
  execFileSync(path.join(dir, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.build.json'], {
    cwd: dir,
    stdio: 'inherit',
  });
  return { commit, dir };
}

export interface BaselineSettings extends TurnSettings {
  /** The request bodies of each example (the same ids for both servers). */
  bodies: Record<string, string[]>;
  env: NodeJS.ProcessEnv;
}

/**
 * This checkout's server against the baseline's, over one graph: first their answers must match
 * for every request body (a refactor changes no answer), then both are measured in turns, and
 * the medians compared.
 */
export async function compareWithBaseline(
  baseline: BaselineBuild,
  gateway: Neo4jGateway,
  settings: BaselineSettings,
  log: Logger,
) {
  const start = async (name: string, cwd?: string) =>
    startServerProcess(name, ['dist/main.js', 'serve'], { ...settings.env, PORT: String(await freePort()) }, cwd);
  const ours = await start('ours');
  const theirs = await start('baseline', baseline.dir).catch(async (error: unknown) => {
    await ours.stop();
    throw error;
  });
  try {
    await checkSameAnswers(ours.url, { name: 'baseline', url: theirs.url }, settings.bodies, sameAnswer, log);
    const medians = await measureInTurns(
      { ours: { url: ours.url, bodies: settings.bodies }, baseline: { url: theirs.url, bodies: settings.bodies } },
      settings,
      gateway,
      log,
    );
    return settings.examples.map((name) => ({
      example: name,
      clients: Object.fromEntries(
        settings.clients.map((clients) => {
          const mine = medians[name].ours?.[clients];
          const before = medians[name].baseline?.[clients];
          if (!mine || !before) throw new Error(`${name} at ${clients} client(s) was not measured on both servers`);
          return [
            `clients${clients}`,
            {
              ours: mine,
              baseline: before,
              p50OursOverBaseline: ratio(mine.p50, before.p50),
              throughputOursOverBaseline: ratio(mine.requestsPerSecond, before.requestsPerSecond),
            },
          ];
        }),
      ),
    }));
  } finally {
    await ours.stop();
    await theirs.stop();
  }
}

/** The comparison as a Markdown table: p50 and req/s of each, and ours ÷ baseline. */
export function baselineMarkdown(
  commit: string,
  rows: Awaited<ReturnType<typeof compareWithBaseline>>,
  clients: number[],
) {
  const header = `| query | ${clients.map((count) => `${count} client(s): p50 ms ours / baseline | ÷ | req/s ours / baseline | ÷`).join(' | ')} |`;
  const lines = rows.map((row) => {
    const cells = clients.map((count) => {
      const cell = row.clients[`clients${count}`];
      return `${cell.ours.p50} / ${cell.baseline.p50} | ${cell.p50OursOverBaseline} | ${cell.ours.requestsPerSecond} / ${cell.baseline.requestsPerSecond} | ${cell.throughputOursOverBaseline}`;
    });
    return `| ${row.example} | ${cells.join(' | ')} |`;
  });
  return [
    `Baseline: ${commit}`,
    '',
    header,
    `| --- | ${clients.map(() => '--- | --- | --- | ---').join(' | ')} |`,
    ...lines,
  ].join('\n');
}
