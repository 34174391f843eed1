import { cypher } from '../src/db/cypher';
import { dataOf, errorCodes, SEED_PAPER, useSampleApi } from './support/api';

// Finding papers by what clients hold: arXiv ids in every spelling, URLs, lists of ids.
const { execute, gateway } = useSampleApi();

// Two papers sharing an arXiv id (the archive has such duplicates) and one with an old-style id.
const ADD_PAPERS = cypher(
  'test.addLookupPapers',
  `UNWIND $papers AS row CREATE (p:Paper) SET p = row, p.publishedAt = CASE WHEN row.publishedAt IS NULL THEN null ELSE date(row.publishedAt) END`,
);

beforeAll(async () => {
  await gateway().write(ADD_PAPERS, {
    papers: [
      { id: 'old-style-paper', title: 'Old style', arxivId: 'cs/9301114', publishedAt: '1993-01-20' },
      { id: 'duplicate-later', title: 'Later copy', arxivId: '2101.00001', publishedAt: '2021-02-01' },
      { id: 'duplicate-earlier', title: 'Earlier copy', arxivId: '2101.00001', publishedAt: '2021-01-01' },
      {
        id: 'blog-paper',
        title: 'A blog paper',
        urlAbs: 'https://example.org/blog/paper/',
        urlKey: 'https://example.org/blog/paper',
        urlPdf: 'https://example.org/files/paper.pdf',
      },
    ],
  });
});

async function byArxiv(arxivId: string) {
  return execute<{ paperByArxivId: { id: string } | null }>(
    `query($a: String!) { paperByArxivId(arxivId: $a) { id } }`,
    { a: arxivId },
  );
}

async function byUrl(url: string) {
  return execute<{ paperByUrl: { id: string } | null }>(`query($u: String!) { paperByUrl(url: $u) { id } }`, {
    u: url,
  });
}

describe('paperByArxivId', () => {
  it.each(['2208.01618v2', '2208.01618', 'arXiv:2208.01618', 'arxiv:2208.01618v1', ' 2208.01618 '])(
    'finds the seed paper by %p',
    async (arxivId) => {
      expect(dataOf(await byArxiv(arxivId)).paperByArxivId).toEqual({ id: SEED_PAPER });
    },
  );

  it('finds old-style ids, answers null for an unknown id, and the earliest of duplicates', async () => {
    expect(dataOf(await byArxiv('cs/9301114v1')).paperByArxivId).toEqual({ id: 'old-style-paper' });
    expect(dataOf(await byArxiv('1999.99999')).paperByArxivId).toBeNull();
    expect(dataOf(await byArxiv('2101.00001')).paperByArxivId).toEqual({ id: 'duplicate-earlier' });
  });

  it('refuses what is not an arXiv id', async () => {
    const { result } = await byArxiv('not an id');
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].message).toMatch(/"not an id" is not an arXiv id; give one such as 2208\.01618/);
  });
});

describe('paperByUrl', () => {
  it.each([
    'https://arxiv.org/pdf/2208.01618v2.pdf',
    'https://arxiv.org/pdf/2208.01618',
    'http://arxiv.org/abs/2208.01618v1',
    'https://arxiv.org/abs/2208.01618',
    'https://paperswithcode.com/paper/an-image-is-worth-one-word-personalizing',
  ])('finds the seed paper by %p', async (url) => {
    expect(dataOf(await byUrl(url)).paperByUrl).toEqual({ id: SEED_PAPER });
  });

  it('finds a stored urlAbs (loosely) and urlPdf, and answers null for an unknown URL', async () => {
    expect(dataOf(await byUrl('http://www.example.org/blog/paper')).paperByUrl).toEqual({ id: 'blog-paper' });
    expect(dataOf(await byUrl('https://example.org/files/paper.pdf')).paperByUrl).toEqual({ id: 'blog-paper' });
    expect(dataOf(await byUrl('https://example.org/nothing')).paperByUrl).toBeNull();
    expect(dataOf(await byUrl('https://openai.com/blog/better-language-models/')).paperByUrl?.id).toBe(
      'language-models-are-unsupervised-multitask',
    );
  });

  it('refuses what is not a URL', async () => {
    const { result } = await byUrl('no url here');
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].message).toMatch(/is not a URL/);
  });
});

describe('papersByIds', () => {
  it('answers in the order asked, null for a missing id, with fields of each', async () => {
    const { papersByIds } = dataOf(
      await execute<{ papersByIds: ({ id: string; authors: { name: string }[] } | null)[] }>(
        `query($ids: [ID!]!) { papersByIds(ids: $ids) { id authors { name } } }`,
        { ids: ['old-style-paper', 'no-such-paper', SEED_PAPER, 'old-style-paper'] },
      ),
    );
    expect(papersByIds.map((paper) => paper?.id ?? null)).toEqual([
      'old-style-paper',
      null,
      SEED_PAPER,
      'old-style-paper',
    ]);
    expect(papersByIds[2]?.authors[0].name).toBe('Rinon Gal');
  });

  it('refuses more than 100 ids', async () => {
    const ids = Array.from({ length: 101 }, (_, index) => `paper-${index}`);
    const { result } = await execute(`query($ids: [ID!]!) { papersByIds(ids: $ids) { id } }`, { ids });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].message).toMatch(/100/);
  });
});
