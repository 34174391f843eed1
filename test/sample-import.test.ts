import { writeFileSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { importPapers } from '../src/archive/import-papers';
import { loadSampleIfEmpty } from '../src/archive/sample';
import type { Neo4jGateway } from '../src/db/gateway';
import { graphCounts, loadSample, openTestGraph, resetGraph, SAMPLE_PAPERS } from './support/graph';
import { testLogger } from './support/test-neo4j';
import { PROJECT_ROOT } from '../src/config';

let gateway: Neo4jGateway;
const scratch = mkdtempSync(path.join(os.tmpdir(), 'pwc2-import-'));

beforeAll(async () => {
  ({ gateway } = await openTestGraph());
});

afterAll(async () => {
  await gateway.close();
});

describe('importing papers', () => {
  it('writes the sample and skips its placeholder paper, counting why', async () => {
    await resetGraph(gateway);
    const counts = await importPapers(gateway, SAMPLE_PAPERS, testLogger);
    expect(counts).toMatchObject({ records: 5, written: 4, skipped: { 'placeholder paper without a title': 1 } });
    const [row] = await gateway.read<{ papers: number; authors: number; tasks: number }>({
      name: 'test.sampleCounts',
      text: 'MATCH (p:Paper) WITH count(p) AS papers MATCH (a:Author) WITH papers, count(a) AS authors MATCH (t:Task) RETURN papers, authors, count(t) AS tasks',
    });
    expect(row).toEqual({ papers: 4, authors: 26, tasks: 8 });
  });

  it('is idempotent: importing the same file again leaves the same counts', async () => {
    await loadSample(gateway);
    const before = await graphCounts(gateway);
    await importPapers(gateway, SAMPLE_PAPERS, testLogger);
    expect(await graphCounts(gateway)).toEqual(before);
  });

  it('updates in place from a newer dump: changed title, an author gone, a task added', async () => {
    await loadSample(gateway);
    const newer = [
      {
        paper_url: 'https://paperswithcode.com/paper/attention-is-all-you-need',
        title: 'Attention Is All You Need (v2)',
        authors: ['Ashish Vaswani', 'Noam Shazeer'],
        tasks: ['Machine Translation', 'Language Modelling'],
        date: '2017-06-12',
      },
    ];
    const file = path.join(scratch, 'papers-with-abstracts.json.gz');
    writeFileSync(file, gzipSync(JSON.stringify(newer)));
    await importPapers(gateway, file, testLogger);
    const [paper] = await gateway.read<{ title: string; authors: string[]; tasks: string[] }>({
      name: 'test.updatedPaper',
      text: `MATCH (p:Paper {id: 'attention-is-all-you-need'})
             RETURN p.title AS title,
                    COLLECT { MATCH (p)<-[w:AUTHORED]-(a) RETURN a.name ORDER BY w.position } AS authors,
                    COLLECT { MATCH (p)-[h:HAS_TASK]->(t) RETURN t.name ORDER BY h.position } AS tasks`,
    });
    expect(paper).toEqual({
      title: 'Attention Is All You Need (v2)',
      authors: ['Ashish Vaswani', 'Noam Shazeer'],
      tasks: ['Machine Translation', 'Language Modelling'],
    });
  });

  it('names the file and the record when a file is not a JSON array, and writes nothing', async () => {
    await resetGraph(gateway);
    const invalid = path.join(
      PROJECT_ROOT,
      '..',
      'shared',
      'data',
      'pwc-samples',
      'evaluation-tables',
      'example_json_format.json',
    );
    await expect(importPapers(gateway, invalid, testLogger)).rejects.toThrow(
      /example_json_format\.json: .*at record 0/,
    );
    expect(await graphCounts(gateway)).toEqual({ nodes: 0, relationships: 0 });
  });

  it('names the file when the gzip data is truncated', async () => {
    const file = path.join(scratch, 'truncated.json.gz');
    writeFileSync(file, gzipSync(JSON.stringify([{ paper_url: 'x', title: 'y' }])).subarray(0, 20));
    await expect(importPapers(gateway, file, testLogger)).rejects.toThrow(
      /truncated\.json\.gz: the gzip data is truncated/,
    );
  });

  it('rejects a record of the wrong shape with its number', async () => {
    const file = path.join(scratch, 'wrong-shape.json');
    writeFileSync(file, JSON.stringify([{ paper_url: 'https://paperswithcode.com/paper/a', title: 'A' }, 'oops']));
    await expect(importPapers(gateway, file, testLogger)).rejects.toThrow(
      /wrong-shape\.json: expected a paper object \(at record 1\)/,
    );
  });
});

describe('the bundled sample at start', () => {
  it('is loaded into an empty graph only', async () => {
    await resetGraph(gateway);
    expect(await loadSampleIfEmpty(gateway, path.join(PROJECT_ROOT, 'seed'), testLogger)).toBe(true);
    const loaded = await graphCounts(gateway);
    expect(await loadSampleIfEmpty(gateway, path.join(PROJECT_ROOT, 'seed'), testLogger)).toBe(false);
    expect(await graphCounts(gateway)).toEqual(loaded);
  });
});
