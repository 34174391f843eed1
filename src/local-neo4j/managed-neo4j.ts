import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import type { ManagedNeo4jConfig } from '../config';
import type { Logger } from '../logger';
import { ensureNeo4jDistribution, NEO4J_LAUNCHER, NEO4J_LIB_DIR } from './distribution';
import { instanceLayout, jvmOptions, renderNeo4jConf, type InstanceLayout } from './neo4j-conf';
import { assertPortFree } from './ports';

export class Neo4jStartError extends Error {
  override name = 'Neo4jStartError';
}

/** The only user of a managed instance: `neo4j-admin dbms set-initial-password` sets its password. */
export const MANAGED_USER = 'neo4j';
const LOG_TAIL_LINES = 25;
const STOP_GRACE_MS = 30_000;
const POLL_MS = 250;

interface PidFile {
  pid: number;
  boltPort: number;
}

/**
 * A Neo4j community server that the project runs itself, with `java`, from the jars Maven fetched.
 * It reuses an instance of the same folder that another process of ours already started (so the
 * importer can write into the graph `npm start` serves), and stops only the instance it started.
 */
export class ManagedNeo4j {
  private readonly layout: InstanceLayout;
  private readonly pidFile: string;
  private child: ChildProcess | undefined;
  private exited: Promise<void> | undefined;

  constructor(
    private readonly config: ManagedNeo4jConfig,
    private readonly password: string,
    private readonly log: Logger,
  ) {
    this.layout = instanceLayout(config.home);
    this.pidFile = pidFileOf(config.home);
  }

  /** The managed Neo4j of ours running over `home` (its pid and Bolt port), if there is one. */
  static runningIn(home: string): PidFile | undefined {
    const running = readPidFile(pidFileOf(home));
    return running && isOurNeo4j(running.pid) ? running : undefined;
  }

  get uri(): string {
    return `bolt://127.0.0.1:${this.config.boltPort}`;
  }

  /** True when this object started the JVM (and so must stop it). */
  get owned(): boolean {
    return this.child !== undefined;
  }

  async start(): Promise<void> {
    await ensureNeo4jDistribution(this.log);
    const { confDir, dataDir, logsDir, runDir } = this.layout;
    for (const dir of [confDir, dataDir, logsDir, runDir]) mkdirSync(dir, { recursive: true });

    const running = readPidFile(this.pidFile);
    if (running && isOurNeo4j(running.pid)) {
      if (running.boltPort !== this.config.boltPort) {
        throw new Neo4jStartError(
          `the managed Neo4j in ${this.config.home} is already running (pid ${running.pid}) on port ${running.boltPort}, ` +
            `not on NEO4J_BOLT_PORT=${this.config.boltPort}: use the same port or stop it first`,
        );
      }
      await this.waitUntilReady(this.config.startTimeoutMs);
      this.log.info({ pid: running.pid, uri: this.uri }, 'using the managed Neo4j that is already running');
      return;
    }
    if (running) {
      this.log.warn({ pid: running.pid }, 'removing the pid file of a managed Neo4j that is no longer running');
      rmSync(this.pidFile, { force: true });
    }
    await assertPortFree(this.config.boltPort);

    writeFileSync(path.join(this.layout.confDir, 'neo4j.conf'), renderNeo4jConf(this.config, this.layout));
    if (!existsSync(path.join(this.layout.dataDir, 'dbms', 'auth.ini'))) this.setInitialPassword();

    const startedAt = Date.now();
    this.spawnServer();
    try {
      await this.waitUntilReady(this.config.startTimeoutMs);
    } catch (error) {
      await this.stop();
      throw error;
    }
    this.log.info({ uri: this.uri, ms: Date.now() - startedAt, home: this.config.home }, 'managed Neo4j started');
  }

  /** Stops the JVM this object started (clean shutdown, then SIGKILL after a grace period). */
  async stop(): Promise<void> {
    const child = this.child;
    if (!child || !this.exited) return;
    child.stdin?.end();
    const stopped = await Promise.race([this.exited.then(() => true), delay(STOP_GRACE_MS).then(() => false)]);
    if (!stopped) {
      this.log.warn({ pid: child.pid }, 'Neo4j did not stop in time; killing it');
      child.kill('SIGKILL');
      await this.exited;
    }
    this.child = undefined;
    rmSync(this.pidFile, { force: true });
    this.log.info('managed Neo4j stopped');
  }

  /** The last lines of Neo4j's own log and of the JVM's console output, for error messages. */
  private logTail(): string {
    return ['neo4j.log', 'console.log']
      .map((name) => path.join(this.layout.logsDir, name))
      .filter((file) => existsSync(file))
      .map((file) => {
        const lines = readFileSync(file, 'utf8').trimEnd().split('\n').slice(-LOG_TAIL_LINES);
        return `--- last lines of ${file}\n${lines.join('\n')}`;
      })
      .join('\n');
  }

  private classpath(): string {
    return `${NEO4J_LIB_DIR}${path.sep}*`;
  }

  private instanceEnvironment(): NodeJS.ProcessEnv {
    return { ...process.env, NEO4J_HOME: this.config.home, NEO4J_CONF: this.layout.confDir };
  }

  private setInitialPassword(): void {
    const result = spawnSync(
      'java',
      ['-cp', this.classpath(), 'org.neo4j.cli.AdminTool', 'dbms', 'set-initial-password', this.password],
      { env: this.instanceEnvironment(), encoding: 'utf8' },
    );
    if (result.status !== 0) {
      throw new Neo4jStartError(`could not set the initial Neo4j password:\n${result.stdout}${result.stderr}`);
    }
  }

  private spawnServer(): void {
    const console = openSync(path.join(this.layout.logsDir, 'console.log'), 'a');
    const args = [
      ...jvmOptions(this.config),
      '-cp',
      this.classpath(),
      NEO4J_LAUNCHER,
      `--home-dir=${this.config.home}`,
      `--config-dir=${this.layout.confDir}`,
    ];
    // Detached: Ctrl-C in a terminal reaches only us, and we stop Neo4j in order. The stdin pipe is
    // the lifeline GuardedNeo4j watches, so the JVM also goes when we are killed.
    const child = spawn('java', args, {
      detached: true,
      stdio: ['pipe', console, console],
      env: this.instanceEnvironment(),
    });
    closeSync(console);
    child.once('error', (error) => this.log.error({ err: error }, 'could not run java for Neo4j'));
    if (child.pid === undefined) throw new Neo4jStartError('could not start java for Neo4j');
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', () => resolve()));
    writeFileSync(this.pidFile, JSON.stringify({ pid: child.pid, boltPort: this.config.boltPort } satisfies PidFile));
  }

  private async waitUntilReady(timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const driver: Driver = neo4j.driver(this.uri, neo4j.auth.basic(MANAGED_USER, this.password), {
      connectionTimeout: 2_000,
      logging: { level: 'error', logger: () => undefined },
    });
    let childExit: string | undefined;
    this.child?.once('exit', (code, signal) => (childExit = `exit code ${code ?? signal}`));
    try {
      for (;;) {
        try {
          await driver.verifyConnectivity();
          return;
        } catch (error) {
          const code = (error as { code?: string }).code ?? '';
          if (code.startsWith('Neo.ClientError.Security')) {
            throw new Neo4jStartError(
              `the managed Neo4j in ${this.config.home} refused NEO4J_PASSWORD (${code}): its data was created ` +
                `with another password; set that one, or delete ${this.layout.dataDir} to start afresh`,
            );
          }
          if (childExit) throw new Neo4jStartError(`Neo4j stopped while starting (${childExit})\n${this.logTail()}`);
          if (Date.now() > deadline) {
            throw new Neo4jStartError(
              `Neo4j did not accept connections on ${this.uri} within ${timeoutMs} ms ` +
                `(NEO4J_START_TIMEOUT_MS)\n${this.logTail()}`,
            );
          }
          await delay(POLL_MS);
        }
      }
    } finally {
      await driver.close();
    }
  }
}

function pidFileOf(home: string): string {
  return path.join(home, 'run', 'pwc2-neo4j.json');
}

function readPidFile(pidFile: string): PidFile | undefined {
  if (!existsSync(pidFile)) return undefined;
  try {
    return JSON.parse(readFileSync(pidFile, 'utf8')) as PidFile;
  } catch {
    return undefined;
  }
}

/** True when `pid` is alive and, where /proc tells, is one of our Neo4j launchers (not a reused pid). */
function isOurNeo4j(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const cmdline = `/proc/${pid}/cmdline`;
  return (
    !existsSync('/proc') ||
    (existsSync(cmdline) && readFileSync(cmdline, 'utf8').includes(path.basename(NEO4J_LAUNCHER)))
  );
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
