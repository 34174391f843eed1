import { buildGraphQLSchema } from './schema';
import { ARGUMENT_CAPS, capTargetExists } from './input-caps';

describe('ARGUMENT_CAPS', () => {
  it('names only arguments of the schema that hold text or lists', async () => {
    const schema = await buildGraphQLSchema();
    expect(Object.keys(ARGUMENT_CAPS).length).toBeGreaterThan(0);
    for (const key of Object.keys(ARGUMENT_CAPS)) expect([key, capTargetExists(schema, key)]).toEqual([key, true]);
    expect(capTargetExists(schema, 'Query.search.first')).toBe(false);
    expect(capTargetExists(schema, 'Query.nothing.query')).toBe(false);
  });
});
