import { dataOf, errorCodes, SEED_PAPER, useSampleApi } from './support/api';

// Autocomplete over names and titles, on the sample graph.
const { execute } = useSampleApi();

interface Hit {
  type: string;
  id: string;
  name: string;
  score: number;
}

const SUGGEST = `query($prefix: String!, $types: [SearchType!], $first: Int) {
  suggest(prefix: $prefix, types: $types, first: $first) { type id name score } }`;

async function suggest(prefix: string, variables: Record<string, unknown> = {}) {
  return execute<{ suggest: Hit[] }>(SUGGEST, { prefix, ...variables });
}

async function hits(prefix: string, variables: Record<string, unknown> = {}): Promise<Hit[]> {
  return dataOf(await suggest(prefix, variables)).suggest;
}

describe('Query.suggest', () => {
  it('finds names that start with the prefix, punctuation and case ignored', async () => {
    for (const prefix of ['text-to-im', 'Text to Im', 'TEXT-TO-IMAGE GEN']) {
      expect((await hits(prefix))[0]).toMatchObject({ type: 'TASK', id: 'text-to-image-generation' });
    }
    expect((await hits('image cl'))[0]).toMatchObject({ type: 'TASK', id: 'image-classification' });
    expect((await hits('rinon'))[0]).toMatchObject({ type: 'AUTHOR', id: 'rinon-gal' });
  });

  it('finds names with a word that starts with the prefix, after those that start with it', async () => {
    const diffusion = await hits('diffus', { first: 20 });
    expect(diffusion.map((hit) => hit.name)).toEqual(
      expect.arrayContaining(['Diffusion', 'Denoising Diffusion Probabilistic Models']),
    );
    expect(diffusion.every((hit) => /\bdiffus/i.test(hit.name))).toBe(true);
    const textual = await hits('textu', { types: ['PAPER'] });
    expect(textual.map((hit) => hit.id)).toContain(SEED_PAPER);
    const gal = await hits('gal', { types: ['AUTHOR'] });
    expect(gal.map((hit) => hit.id).indexOf('gal-chechik')).toBeLessThan(gal.map((hit) => hit.id).indexOf('rinon-gal'));
  });

  it('puts an equal name first and ranks by score', async () => {
    const squad = await hits('squad');
    expect(squad[0]).toMatchObject({ type: 'DATASET', id: 'squad' });
    expect(squad[0].score).toBeGreaterThanOrEqual(3);
    const scores = (await hits('tex', { first: 30 })).map((hit) => hit.score);
    expect(scores.length).toBeGreaterThan(5);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it('keeps to the types and the number asked for', async () => {
    const datasets = await hits('c', { types: ['DATASET'], first: 2 });
    expect(datasets).toHaveLength(2);
    expect(datasets.every((hit) => hit.type === 'DATASET' && hit.name.toLowerCase().startsWith('c'))).toBe(true);
    expect(await hits('a')).toHaveLength(10);
  });

  it('looks inside names only for a last word of three characters or more', async () => {
    // "Denoising Diffusion …" holds a word starting with "di", but no name starts with "di" that way.
    expect((await hits('di', { types: ['PAPER'], first: 50 })).map((hit) => hit.name)).not.toContain(
      'Denoising Diffusion Probabilistic Models',
    );
  });

  it('suggests nothing for text with nothing to look for, and refuses a prefix too long', async () => {
    for (const prefix of ['', ' ', '--', 'zzzzqqq']) expect(await hits(prefix)).toEqual([]);
    const { result } = await suggest('a'.repeat(101));
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].message).toMatch(/101 characters long; the limit is 100/);
    const { result: tooMany } = await suggest('a', { first: 101 });
    expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
  });
});
