import { dataOf, errorCodes, SEED_PAPER, useSampleApi } from './support/api';

// The ranked search across types, on the sample graph.
const { execute } = useSampleApi();

interface Found {
  __typename: string;
  id: string;
  name?: string;
  title?: string;
}
interface Page {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  edges: { cursor: string; score: number; node: Found }[];
  nodes: Found[];
}

const RESULTS = `query($query: String!, $types: [SearchType!], $first: Int, $after: String) {
  searchResults(query: $query, types: $types, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage hasPreviousPage endCursor }
    edges { cursor score node { __typename ... on Paper { id title } ... on Author { id name paperCount }
      ... on Task { id name paperCount } ... on Dataset { id name } ... on Method { id name } } }
    nodes { __typename ... on Paper { id } ... on Author { id } ... on Task { id } ... on Dataset { id } ... on Method { id } } } }`;

async function searchResults(variables: Record<string, unknown>) {
  return execute<{ searchResults: Page }>(RESULTS, variables);
}

async function pageOf(variables: Record<string, unknown>): Promise<Page> {
  return dataOf(await searchResults(variables)).searchResults;
}

describe('Query.searchResults', () => {
  // A query equal to a title or name puts that node first, whatever its type; otherwise the
  // share of the query's words in the name decides between indexes.
  it.each([
    ['textual inversion', 'Paper', SEED_PAPER],
    ['An Image is Worth One Word: Personalizing Text-to-Image Generation using Textual Inversion', 'Paper', SEED_PAPER],
    ['attention is all you need', 'Paper', 'attention-is-all-you-need'],
    ['ImageNet', 'Dataset', 'imagenet'],
    ['dreambooth', 'Dataset', 'dreambooth'],
    ['CIFAR-10', 'Dataset', 'cifar-10'],
    ['image classification', 'Task', 'image-classification'],
    ['Text-to-Image Generation', 'Task', 'text-to-image-generation'],
    ['question answering', 'Task', 'question-answering'],
    ['object detection', 'Task', 'object-detection'],
    ['Rinon Gal', 'Author', 'rinon-gal'],
    ['transformer', 'Method', 'transformer'],
    ['ResNet', 'Method', 'resnet'],
    ['adam', 'Method', 'adam'],
  ])('"%s" finds the %s %s first', async (query, typename, id) => {
    const [top] = (await pageOf({ query, first: 3 })).edges;
    expect({ typename: top?.node.__typename, id: top?.node.id }).toEqual({ typename, id });
  });

  it('ranks below the exact match what starts with the query, scores comparable across types', async () => {
    const { edges } = await pageOf({ query: 'DreamBooth', first: 5 });
    expect(edges.slice(0, 2).map((edge) => [edge.node.__typename, edge.node.id])).toEqual([
      ['Dataset', 'dreambooth'],
      ['Paper', 'dreambooth-fine-tuning-text-to-image'],
    ]);
    const scores = edges.map((edge) => edge.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores[0]).toBeGreaterThanOrEqual(4);
  });

  it('returns the things it finds, with their own fields', async () => {
    const { edges } = await pageOf({ query: 'Rinon Gal', types: ['AUTHOR'], first: 1 });
    expect(edges[0].node).toMatchObject({ __typename: 'Author', name: 'Rinon Gal' });
    expect((edges[0].node as unknown as { paperCount: number }).paperCount).toBeGreaterThan(0);
  });

  it('keeps to the types asked for', async () => {
    const { nodes } = await pageOf({ query: 'image generation', types: ['TASK', 'DATASET'], first: 100 });
    expect(new Set(nodes.map((node) => node.__typename))).toEqual(new Set(['Task', 'Dataset']));
    const tasks = (await pageOf({ query: 'image generation', types: ['TASK'], first: 100 })).nodes;
    expect(tasks.length).toBeGreaterThan(0);
    expect(tasks.every((node) => node.__typename === 'Task')).toBe(true);
  });

  it('pages through every result it counts, without overlap', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let total = -1;
    for (let pages = 0; pages < 20; pages += 1) {
      const page: Page = await pageOf({ query: 'image', first: 7, after });
      total = page.totalCount;
      expect(page.pageInfo.hasPreviousPage).toBe(after !== null);
      seen.push(...page.edges.map((edge) => `${edge.node.__typename}:${edge.node.id}`));
      expect(page.nodes.map((node) => node.id)).toEqual(page.edges.map((edge) => edge.node.id));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(total).toBeGreaterThan(14);
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('finds nothing, without an error, in text with nothing to search for', async () => {
    for (const query of ['', '  ', '((', '*']) {
      expect(await pageOf({ query })).toMatchObject({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false } });
    }
  });

  it('takes Lucene syntax literally', async () => {
    const page = await pageOf({ query: 'title:(textual AND inversion' });
    expect(page.edges[0]?.node.id).toBe(SEED_PAPER);
  });

  it('refuses a cursor it did not give out, a page too large and a query too long', async () => {
    const keyset = Buffer.from(JSON.stringify(['PUBLISHED_DESC', '2022-01-01', 'x'])).toString('base64url');
    for (const [variables, message] of [
      [{ query: 'image', after: 'bm9wZQ' }, /not a cursor this API gave out/],
      [{ query: 'image', after: keyset }, /ordered by PUBLISHED_DESC, not RELEVANCE/],
      [{ query: 'image', first: 101 }, /between 1 and 100/],
      [{ query: 'a'.repeat(201) }, /201 characters long; the limit is 200/],
    ] as const) {
      const { result } = await searchResults(variables);
      expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
      expect(result.errors?.[0].message).toMatch(message);
    }
  });
});
