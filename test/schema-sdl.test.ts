import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { buildGraphQLSchema, printSdl } from '../src/graphql/schema';

describe('schema/schema.graphql', () => {
  it('is the SDL the code emits (run `npm run schema:emit` after an API change)', async () => {
    const committed = readFileSync(path.join(PROJECT_ROOT, 'schema', 'schema.graphql'), 'utf8');
    expect(printSdl(await buildGraphQLSchema())).toBe(committed);
  });
});
