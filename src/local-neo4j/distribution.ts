import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../config';
import type { Logger } from '../logger';

/** The Maven project that names the Neo4j version and copies its jars into NEO4J_LIB_DIR. */
export const NEO4J_POM = path.join(PROJECT_ROOT, 'tools', 'neo4j', 'pom.xml');
/** Where Maven copies the community server's jars (git-ignored, shared by every managed instance). */
export const NEO4J_LIB_DIR = path.join(PROJECT_ROOT, '.neo4j', 'lib');
/** The launcher that stops Neo4j when its parent process goes away (run in Java's source-file mode). */
export const NEO4J_LAUNCHER = path.join(PROJECT_ROOT, 'tools', 'neo4j', 'GuardedNeo4j.java');

const MINIMUM_JAVA = 17;

export class MissingPrerequisiteError extends Error {
  override name = 'MissingPrerequisiteError';
}

/** The Neo4j version pinned in tools/neo4j/pom.xml, the one source of it. */
export function neo4jVersion(): string {
  const match = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(readFileSync(NEO4J_POM, 'utf8'));
  if (!match) throw new Error(`${NEO4J_POM} does not set <neo4j.version>`);
  return match[1];
}

/** The major version of `java` on PATH; throws a one-line, actionable error when there is none. */
export function checkJava(): number {
  const probe = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (probe.error) {
    throw new MissingPrerequisiteError(
      `java was not found on PATH: the managed Neo4j needs a Java ${MINIMUM_JAVA}+ JDK ` +
        `(Debian/Ubuntu: apt-get install openjdk-17-jdk-headless), or set NEO4J_URI to use an existing Neo4j`,
    );
  }
  const version = /version "(\d+)(?:\.(\d+))?/.exec(probe.stderr);
  const major = version ? Number(version[1] === '1' ? version[2] : version[1]) : 0;
  if (major < MINIMUM_JAVA) {
    throw new MissingPrerequisiteError(
      `java on PATH is version ${major || 'unknown'}; Neo4j ${neo4jVersion()} needs Java ${MINIMUM_JAVA} or newer`,
    );
  }
  return major;
}

function jarsPresent(version: string): boolean {
  return existsSync(path.join(NEO4J_LIB_DIR, `neo4j-server-${version}.jar`));
}

/** Makes sure the Neo4j jars are in NEO4J_LIB_DIR, fetching them with Maven the first time. */
export async function ensureNeo4jDistribution(log: Logger): Promise<void> {
  checkJava();
  const version = neo4jVersion();
  if (jarsPresent(version)) return;
  if (spawnSync('mvn', ['--version']).error) {
    throw new MissingPrerequisiteError(
      `mvn was not found on PATH: fetching Neo4j ${version} needs Maven 3.8+ ` +
        `(Debian/Ubuntu: apt-get install maven), or set NEO4J_URI to use an existing Neo4j`,
    );
  }
  log.info({ version, into: NEO4J_LIB_DIR }, 'fetching Neo4j community with Maven (first run only)');
  const output: string[] = [];
  const exitCode = await new Promise<number | null>((resolve, reject) => {
    const maven = spawn('mvn', ['-q', '-B', '-f', NEO4J_POM, 'dependency:copy-dependencies'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    maven.stdout.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    maven.stderr.on('data', (chunk: Buffer) => output.push(chunk.toString()));
    maven.on('error', reject);
    maven.on('close', resolve);
  });
  if (exitCode !== 0 || !jarsPresent(version)) {
    const tail = output.join('').trim().split('\n').slice(-15).join('\n');
    throw new Error(`Maven could not fetch Neo4j ${version} (exit code ${exitCode}):\n${tail}`);
  }
}
