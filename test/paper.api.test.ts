import type { ApolloServer } from '@apollo/server';
import type { Neo4jGateway } from '../src/db/gateway';
import { createContext, type Context } from '../src/graphql/context';
import { createHttpApp } from '../src/server';
import { loadSample, openTestGraph } from './support/graph';
import { testLogger } from './support/test-neo4j';

const SEED_PAPER = 'an-image-is-worth-one-word-personalizing';

let gateway: Neo4jGateway;
let apollo: ApolloServer<Context>;

beforeAll(async () => {
  const graph = await openTestGraph();
  gateway = graph.gateway;
  await loadSample(gateway);
  ({ apollo } = await createHttpApp(graph.config, gateway, testLogger));
});

afterAll(async () => {
  await apollo.stop();
  await gateway.close();
});

async function execute(query: string, variables: Record<string, unknown> = {}) {
  const contextValue = createContext(gateway, 'test-request');
  const response = await apollo.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') throw new Error('expected a single result');
  return { result: response.body.singleResult, stats: contextValue.stats };
}

describe('paper(id)', () => {
  it("answers the seed page's paper with its 7 authors in order and its 4 tasks", async () => {
    const { result } = await execute(
      `query SeedPaper($id: ID!) {
        paper(id: $id) { id title publishedAt arxivId urlAbs authors { id name } tasks { id name } }
      }`,
      { id: SEED_PAPER },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      paper: {
        id: SEED_PAPER,
        title: 'An Image is Worth One Word: Personalizing Text-to-Image Generation using Textual Inversion',
        publishedAt: '2022-08-02',
        arxivId: '2208.01618',
        urlAbs: 'https://arxiv.org/abs/2208.01618v1',
        authors: [
          { id: 'rinon-gal', name: 'Rinon Gal' },
          { id: 'yuval-alaluf', name: 'Yuval Alaluf' },
          { id: 'yuval-atzmon', name: 'Yuval Atzmon' },
          { id: 'or-patashnik', name: 'Or Patashnik' },
          { id: 'amit-h-bermano', name: 'Amit H. Bermano' },
          { id: 'gal-chechik', name: 'Gal Chechik' },
          { id: 'daniel-cohen-or', name: 'Daniel Cohen-Or' },
        ],
        tasks: [
          { id: 'text-to-image-generation', name: 'Text-to-Image Generation' },
          { id: 'text-to-image-generation-1', name: 'Text to Image Generation' },
          { id: 'personalized-image-generation', name: 'Personalized Image Generation' },
          { id: 'image-generation', name: 'Image Generation' },
        ],
      },
    });
  });

  it('returns null, without an error, for an id that does not exist', async () => {
    const { result } = await execute('{ paper(id: "no-such-paper") { id title } }');
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ paper: null });
  });

  it('treats Cypher in an id as a literal', async () => {
    const { result } = await execute('query($id: ID!) { paper(id: $id) { id } }', { id: '"}) DETACH DELETE n //' });
    expect(result.data).toEqual({ paper: null });
    const { result: seed } = await execute(`{ paper(id: "${SEED_PAPER}") { id } }`);
    expect(seed.data).toEqual({ paper: { id: SEED_PAPER } });
  });

  it('batches: four papers with authors and tasks cost the same three queries as one', async () => {
    const one = await execute(`{ a: paper(id: "${SEED_PAPER}") { authors { id } tasks { id } } }`);
    const four = await execute(`{
      a: paper(id: "${SEED_PAPER}") { authors { id } tasks { id } }
      b: paper(id: "dreambooth-fine-tuning-text-to-image") { authors { id } tasks { id } }
      c: paper(id: "high-resolution-image-synthesis-with-latent") { authors { id } tasks { id } }
      d: paper(id: "attention-is-all-you-need") { authors { id } tasks { id } }
    }`);
    expect(four.result.errors).toBeUndefined();
    expect(Object.values(four.result.data ?? {}).every((paper) => paper !== null)).toBe(true);
    expect(one.stats.queries).toBe(3);
    expect(four.stats.queries).toBe(3);
  });

  it('reports an unknown field as a validation error with a code', async () => {
    const { result } = await execute(`{ paper(id: "${SEED_PAPER}") { nope } }`);
    expect(result.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
