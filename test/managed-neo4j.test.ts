import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { ManagedNeo4j } from '../src/local-neo4j/managed-neo4j';
import { TEST_PASSWORD, testLogger, throwawayInstanceConfig } from './support/test-neo4j';

const runHome = process.env.TEST_NEO4J_HOME;
const runPort = Number(process.env.TEST_NEO4J_BOLT_PORT);
// These tests exercise the instance the project starts itself; with NEO4J_TEST_URI there is none.
const describeManaged = runHome ? describe : describe.skip;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return !isAlive(pid);
}

describeManaged('the managed Neo4j', () => {
  it('reuses an instance of the same folder that is already running, and leaves it running', async () => {
    const config = { ...(await throwawayInstanceConfig()), home: runHome as string, boltPort: runPort };
    const again = new ManagedNeo4j(config, TEST_PASSWORD, testLogger);
    await again.start();
    expect(again.owned).toBe(false);
    await again.stop();
    const pidFile = JSON.parse(readFileSync(path.join(runHome as string, 'run', 'pwc2-neo4j.json'), 'utf8'));
    expect(isAlive(pidFile.pid)).toBe(true);
  });

  it('says which port is taken when another process holds it', async () => {
    const config = { ...(await throwawayInstanceConfig()), boltPort: runPort };
    const blocked = new ManagedNeo4j(config, TEST_PASSWORD, testLogger);
    await expect(blocked.start()).rejects.toThrow(`port ${runPort} on 127.0.0.1 is already in use`);
    rmSync(config.home, { recursive: true, force: true });
  });

  it('refuses a password that does not match the data, saying what to do', async () => {
    const config = { ...(await throwawayInstanceConfig()), home: runHome as string, boltPort: runPort };
    const wrong = new ManagedNeo4j(config, 'not-the-password', testLogger);
    await expect(wrong.start()).rejects.toThrow(/refused NEO4J_PASSWORD .*delete/);
  });

  it('goes away with the process that started it, even one killed with SIGKILL, and a rerun removes the stale pid file', async () => {
    const config = await throwawayInstanceConfig();
    const starter = spawn(
      process.execPath,
      ['-r', 'ts-node/register/transpile-only', path.join(__dirname, 'support', 'start-managed-neo4j.ts')],
      {
        cwd: PROJECT_ROOT,
        env: { ...process.env, INSTANCE: JSON.stringify(config) },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    const neo4jPid = await new Promise<number>((resolve, reject) => {
      starter.stdout.on('data', (chunk: Buffer) => {
        const match = /started (\d+)/.exec(chunk.toString());
        if (match) resolve(Number(match[1]));
      });
      starter.once('exit', (code) => reject(new Error(`the starter exited with ${code}`)));
    });
    expect(isAlive(neo4jPid)).toBe(true);
    starter.kill('SIGKILL');
    expect(await waitForExit(neo4jPid, 30_000)).toBe(true);

    const pidFile = path.join(config.home, 'run', 'pwc2-neo4j.json');
    expect(existsSync(pidFile)).toBe(true);
    const rerun = new ManagedNeo4j(config, TEST_PASSWORD, testLogger);
    await rerun.start();
    expect(rerun.owned).toBe(true);
    const rerunPid = JSON.parse(readFileSync(pidFile, 'utf8')).pid as number;
    await rerun.stop();
    expect(isAlive(rerunPid)).toBe(false);
    expect(existsSync(pidFile)).toBe(false);
    rmSync(config.home, { recursive: true, force: true });
  });
});
