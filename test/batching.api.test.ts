import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findArchiveFiles } from '../src/archive/archive-files';
import { generateArchive } from '../tools/generate';
import { importArchive } from '../src/archive/import-archive';
import { dataOf, SEED_PAPER, useSampleApi } from './support/api';
import { EXAMPLE_NAMES, operationText } from './support/examples';

const { execute, gateway } = useSampleApi();

// The sample has fewer than 100 papers: a small generated archive on top gives every list of
// this file more rows than its largest page.
beforeAll(async () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'pwc2-batching-'));
  try {
    await generateArchive({ papers: 300, out, seed: 7, gzipLevel: 1 });
    await importArchive(gateway(), findArchiveFiles([out]));
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

describe('batching: the number of Cypher queries follows the shape of a query, not its rows', () => {
  const PAPERS = (first: number) => `{
    papers(first: ${first}) {
      nodes { id authors { id } tasks { id } methods { id } repositories { url } datasets { id } results { id } }
    }
  }`;

  it('papers(first: 100) { authors tasks methods repositories … } sends no more queries than papers(first: 2)', async () => {
    const two = await execute<{ papers: { nodes: { authors: unknown[] }[] } }>(PAPERS(2));
    const hundred = await execute<{ papers: { nodes: { authors: unknown[] }[] } }>(PAPERS(100));
    expect(dataOf(two).papers.nodes).toHaveLength(2);
    expect(dataOf(hundred).papers.nodes).toHaveLength(100);
    expect(dataOf(hundred).papers.nodes.filter((paper) => paper.authors.length > 0).length).toBeGreaterThan(90);
    // the page, then one statement for all six relationship fields (their batches fused)
    expect(two.stats.queries).toBe(2);
    expect(two.stats.statements[1].name).toMatch(/^fused:.*author\.ofPapers/);
    expect(hundred.stats.queries).toBe(two.stats.queries);
  });

  it('nested connections and their counts cost one query per level, however many parents', async () => {
    const query = (first: number) => `{
      tasks(first: ${first}) {
        nodes { id papers(first: 3) { totalCount nodes { authors { id } } } leaderboards { rows(first: 3) { rank } } }
      }
    }`;
    const two = await execute<{ tasks: { nodes: unknown[] } }>(query(2));
    const forty = await execute<{ tasks: { nodes: unknown[] } }>(query(40));
    expect(dataOf(forty).tasks.nodes).toHaveLength(40);
    expect(forty.stats.queries).toBe(two.stats.queries);
  });

  it('related papers and co-authors of many parents are one query each', async () => {
    const query = (first: number) => `{
      papers(first: ${first}) { nodes { relatedPapers(first: 3) { paper { id } } authors { coauthors(first: 2) { papersTogether } } } }
    }`;
    const two = await execute(query(2));
    const fifty = await execute(query(50));
    dataOf(fifty);
    expect(fifty.stats.queries).toBe(two.stats.queries);
  });

  it('four papers by id with authors and tasks cost the same single statement as one (look-ahead)', async () => {
    const one = await execute(`{ a: paper(id: "${SEED_PAPER}") { authors { id } tasks { id } } }`);
    const four = await execute(`{
      a: paper(id: "${SEED_PAPER}") { authors { id } tasks { id } }
      b: paper(id: "dreambooth-fine-tuning-text-to-image") { authors { id } tasks { id } }
      c: paper(id: "high-resolution-image-synthesis-with-latent") { authors { id } tasks { id } }
      d: paper(id: "attention-is-all-you-need") { authors { id } tasks { id } }
    }`);
    expect(Object.values(dataOf(four)).every((paper) => paper !== null)).toBe(true);
    expect((dataOf(four).a as { authors: unknown[] }).authors.length).toBeGreaterThan(0);
    expect(one.stats.queries).toBe(1);
    expect(four.stats.queries).toBe(1);
  });

  it('a missing id with fields below it is null, its looked-ahead loads finding nothing', async () => {
    const { result, stats } = await execute(`{ paper(id: "no-such-paper") { authors { id } results { id } } }`);
    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({ paper: null });
    expect(stats.queries).toBe(1);
  });

  it('an out-of-range argument below a root field is still reported by its field', async () => {
    const { result } = await execute(`{ paper(id: "${SEED_PAPER}") { id relatedPapers(first: 500) { score } } }`);
    expect(result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0].path).toEqual(['paper', 'relatedPapers']);
  });

  it.each(EXAMPLE_NAMES)('the example %s costs at most two statements', async (name) => {
    const { stats } = await execute(operationText(name));
    expect(stats.queries).toBeGreaterThan(0);
    expect(stats.queries).toBeLessThanOrEqual(2);
  });
});
