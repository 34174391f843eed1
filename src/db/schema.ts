import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logger';
import { cypher } from './cypher';
import type { GraphWriter } from './gateway';

const AWAIT_INDEXES = cypher('schema.awaitIndexes', 'CALL db.awaitIndexes($seconds)');
const SHOW_INDEXES = cypher('schema.showIndexes', 'SHOW INDEXES YIELD name, state, populationPercent');
const POLL_MS = 5_000;

/** The statements of every `.cypher` file in `dir`, in file-name order; `//` comments are dropped. */
export function readSchemaStatements(dir: string): { file: string; statement: string }[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.cypher'))
    .sort()
    .flatMap((name) => {
      const text = readFileSync(path.join(dir, name), 'utf8')
        .split('\n')
        .filter((line) => !line.trim().startsWith('//'))
        .join('\n');
      return text
        .split(';')
        .map((statement) => statement.trim())
        .filter((statement) => statement !== '')
        .map((statement) => ({ file: name, statement }));
    });
}

/** Creates the constraints and indexes of `schema/` (each statement is idempotent) and waits for them to be online. */
export async function applySchema(db: GraphWriter, dir: string, log: Logger): Promise<void> {
  const statements = readSchemaStatements(dir);
  for (const { file, statement } of statements) {
    await db.write(cypher(`schema.${file}`, statement));
  }
  await db.write(AWAIT_INDEXES, { seconds: 300 });
  log.debug({ statements: statements.length }, 'schema applied');
}

/** The name of the constraint or index a schema statement creates. */
function createdName(statement: string): string {
  const name = /^CREATE\s+(?:CONSTRAINT|(?:\w+\s+)?INDEX)\s+(\w+)/i.exec(statement)?.[1];
  if (!name) throw new Error(`cannot tell the index that creates: ${statement}`);
  return name;
}

/**
 * Creates the schema of `dir` on a freshly loaded graph and waits, however long it takes, until
 * every index is ONLINE (applySchema gives up waiting after 300 s; a full archive's indexes take
 * longer), logging the populations. Fails when an index fails or a statement left none.
 */
export async function buildSchema(db: GraphWriter, dir: string, log: Logger): Promise<void> {
  try {
    await applySchema(db, dir, log);
  } catch (error) {
    log.info({ err: error }, 'the indexes are still being built; polling them');
  }
  const expected = readSchemaStatements(dir).map(({ statement }) => createdName(statement));
  for (;;) {
    const indexes = await db.query<{ name: string; state: string; populationPercent: number }>(SHOW_INDEXES);
    const missing = expected.filter((name) => !indexes.some((index) => index.name === name));
    if (missing.length > 0) throw new Error(`schema statements left no index named ${missing.join(', ')}`);
    const failed = indexes.filter(({ state }) => state === 'FAILED');
    if (failed.length > 0) throw new Error(`indexes failed: ${failed.map(({ name }) => name).join(', ')}`);
    const pending = indexes.filter(({ state }) => state !== 'ONLINE');
    if (pending.length === 0) return;
    log.info({ pending: pending.map(({ name, populationPercent }) => `${name} ${populationPercent}%`) }, 'indexes');
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
}
