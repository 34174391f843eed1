import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logger';
import { cypher } from './cypher';
import type { GraphWriter } from './gateway';

const AWAIT_INDEXES = cypher('schema.awaitIndexes', 'CALL db.awaitIndexes($seconds)');

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
