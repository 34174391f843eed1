import { useSampleApi } from './support/api';
import { EXAMPLE_NAMES, operationText } from './support/examples';

const { execute } = useSampleApi();

/**
 * The Cypher each example page sends, as composed by the repositories, the keyset-list engine and
 * FusedReads: any change to a statement, a fusion or a new round trip is a visible diff in review.
 * Statements are listed by name and text, as batches that run side by side may finish in any order.
 */
describe('the Cypher of schema/examples.graphql', () => {
  it.each(EXAMPLE_NAMES.map((name) => [name]))('%s', async (name) => {
    const { result, stats } = await execute(operationText(name));
    expect(result.errors).toBeUndefined();
    const statements = stats.statements
      .map(({ name: statement, text }) => ({ statement, text }))
      .sort((a, b) => a.statement.localeCompare(b.statement) || a.text.localeCompare(b.text));
    expect(statements).toMatchSnapshot();
  });
});
