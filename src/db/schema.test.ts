import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readSchemaStatements } from './schema';

describe('readSchemaStatements', () => {
  it('splits every .cypher file into statements, in file-name order, without comments', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'pwc2-schema-'));
    writeFileSync(path.join(dir, 'b.cypher'), '// second\nCREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.x);\n');
    writeFileSync(
      path.join(dir, 'a.cypher'),
      'CREATE CONSTRAINT a IF NOT EXISTS\n  FOR (n:A) REQUIRE n.id IS UNIQUE;\n\n',
    );
    writeFileSync(path.join(dir, 'notes.md'), 'CREATE nothing;');
    expect(readSchemaStatements(dir)).toEqual([
      { file: 'a.cypher', statement: 'CREATE CONSTRAINT a IF NOT EXISTS\n  FOR (n:A) REQUIRE n.id IS UNIQUE' },
      { file: 'b.cypher', statement: 'CREATE INDEX b IF NOT EXISTS FOR (n:B) ON (n.x)' },
    ]);
  });
});
