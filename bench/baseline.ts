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
import { load, postGraphQL, startServerProcess, type RunningServer } from './example-load';
import { measurement, medianOf, ratio, settle, type Measurement } from './measure';
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

export interface BaselineSettings {
  examples: string[];
  clients: number[];
  runs: number;
  duration: number;
  warmup: number;
  /** The request bodies of each example (the same ids for both servers). */
  bodies: Record<string, string[]>;
  env: NodeJS.ProcessEnv;
}

/**
 * This checkout's server against the baseline's, over one graph, taking turns within each run:
 * first their answers must match for every request body (a refactor changes no answer), then the
 * median p50 and throughput of `runs` runs at each client count, and their ratios.
 */
export async function compareWithBaseline(
  baseline: BaselineBuild,
  gateway: Neo4jGateway,
  settings: BaselineSettings,
  log: Logger,
) {
  const servers: Record<'ours' | 'baseline', RunningServer> = {
    ours: await startServerProcess('ours', ['dist/main.js', 'serve'], {
      ...settings.env,
      PORT: String(await freePort()),
    }),
    baseline: await startServerProcess(
      'baseline',
      ['dist/main.js', 'serve'],
      { ...settings.env, PORT: String(await freePort()) },
      baseline.dir,
    ),
  };
  try {
    for (const name of settings.examples) {
      for (const body of settings.bodies[name]) {
        const [{ answer: ours }, { answer: theirs }] = await Promise.all([
          postGraphQL(servers.ours.url, body),
          postGraphQL(servers.baseline.url, body),
        ]);
        if (ours.errors || !ours.data || !sameAnswer(ours.data, theirs.data)) {
          throw new Error(
            `${name} ${body}: the baseline answers differently\nours: ${JSON.stringify(ours)}\nbaseline: ${JSON.stringify(theirs)}`,
          );
        }
      }
    }
    log.info('the baseline returns the same data as this checkout for every example');
    for (const name of settings.examples) {
      for (const server of [servers.ours, servers.baseline])
        await load(server.url, settings.bodies[name], 4, settings.warmup);
    }
    const measured: Record<string, Record<'ours' | 'baseline', Record<number, Measurement[]>>> = {};
    for (let run = 1; run <= settings.runs; run += 1) {
      for (const name of settings.examples) {
        measured[name] ??= { ours: {}, baseline: {} };
        for (const clients of settings.clients) {
          for (const server of ['ours', 'baseline'] as const) {
            await settle(gateway);
            const result = measurement(
              await load(servers[server].url, settings.bodies[name], clients, settings.duration),
            );
            (measured[name][server][clients] ??= []).push(result);
          }
        }
        log.info({ run, example: name, p50: measured[name].ours[settings.clients[0]]?.at(-1)?.p50 }, 'measured');
      }
    }
    return settings.examples.map((name) => ({
      example: name,
      clients: Object.fromEntries(
        settings.clients.map((clients) => {
          const ours = medianOf(measured[name].ours[clients]);
          const theirs = medianOf(measured[name].baseline[clients]);
          return [
            `clients${clients}`,
            {
              ours,
              baseline: theirs,
              p50OursOverBaseline: ratio(ours.p50, theirs.p50),
              throughputOursOverBaseline: ratio(ours.requestsPerSecond, theirs.requestsPerSecond),
            },
          ];
        }),
      ),
    }));
  } finally {
    await servers.ours.stop();
    await servers.baseline.stop();
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
