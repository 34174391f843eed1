import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { findArchiveFiles } from '../src/archive/archive-files';
import { importArchive } from '../src/archive/import-archive';
import { cypher } from '../src/db/cypher';
import { graphCounts, resetGraph, useTestGraph } from './support/graph';
import { INVALID_EVALUATION_SAMPLE } from './support/samples';

/** Writes `records` as an archive file named `name` in a new folder; returns its path. */
function archiveFile(name: string, records: unknown, gzip = false): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'pwc2-import-')), name);
  const json = JSON.stringify(records);
  writeFileSync(file, gzip ? gzipSync(json) : json);
  return file;
}

const PAPERS = [
  {
    paper_url: 'https://paperswithcode.com/paper/attention-is-all-you-need',
    arxiv_id: '1706.03762v7',
    title: 'Attention Is All You Need',
    abstract: 'Line one\r\nline two',
    authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'],
    tasks: ['Machine Translation', 'Constituency Parsing'],
    date: '2017-06-12',
    methods: [
      { name: 'Multi-Head Attention', full_name: 'Multi-Head Attention', description: 'Attention, several times.' },
    ],
  },
  { paper_url: 'https://paperswithcode.com/paper/000000000', title: null, authors: [], tasks: [] },
  {
    paper_url: 'https://paperswithcode.com/paper/future-paper',
    title: 'A Paper From The Future',
    authors: ['Ashish Vaswani'],
    tasks: ['Machine Translation'],
    date: '2222-01-01',
  },
];

const TITLES = cypher(
  'test.paper',
  `MATCH (p:Paper {id: $id})
   RETURN p.title AS title, p.arxivId AS arxivId, toString(p.publishedAt) AS publishedAt, p.abstract AS abstract,
          COLLECT { MATCH (p)<-[w:AUTHORED]-(a) RETURN a.name ORDER BY w.position } AS authors,
          COLLECT { MATCH (p)-[h:HAS_TASK]->(t) RETURN t.name ORDER BY h.position } AS tasks,
          COLLECT { MATCH (p)-[:USES_METHOD]->(m) RETURN m.id } AS methods`,
);

const PAPER_COUNTS = cypher(
  'test.paperCounts',
  'MATCH (p:Paper) RETURN count(p) AS papers, COUNT { ()-[:AUTHORED]->() } AS authorships',
);

const graph = useTestGraph('empty');

beforeEach(async () => {
  await resetGraph(graph.gateway);
});

describe('importing papers', () => {
  it('writes papers with ordered authors, tasks and methods; skips placeholders and repairs dates, counting why', async () => {
    const report = await importArchive(
      graph.gateway,
      findArchiveFiles([archiveFile('papers-with-abstracts.json', PAPERS)]),
    );
    const [file] = report.files;
    expect(file.toJSON()).toMatchObject({
      kind: 'papers',
      records: 3,
      written: 2,
      skipped: { 'placeholder paper without a title': { count: 1 } },
      repaired: { 'impossible date dropped': { count: 1 } },
    });
    const [attention] = await graph.gateway.query(TITLES, { id: 'attention-is-all-you-need' });
    expect(attention).toEqual({
      title: 'Attention Is All You Need',
      arxivId: '1706.03762',
      publishedAt: '2017-06-12',
      abstract: 'Line one\nline two',
      authors: ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar'],
      tasks: ['Machine Translation', 'Constituency Parsing'],
      methods: ['multi-head-attention'],
    });
    const [future] = await graph.gateway.query(TITLES, { id: 'future-paper' });
    expect(future).toMatchObject({ publishedAt: null });
  });

  it('is idempotent: importing the same file again leaves the same counts', async () => {
    const file = archiveFile('jul-28-papers-with-abstracts.json.gz', PAPERS, true);
    await importArchive(graph.gateway, findArchiveFiles([file]));
    const before = await graphCounts(graph.gateway);
    await importArchive(graph.gateway, findArchiveFiles([file]));
    expect(await graphCounts(graph.gateway)).toEqual(before);
  });

  it('updates in place from a newer dump: changed title, an author gone, a task added', async () => {
    await importArchive(graph.gateway, findArchiveFiles([archiveFile('papers-with-abstracts.json', PAPERS)]));
    const newer = [
      {
        ...PAPERS[0],
        title: 'Attention Is All You Need (v2)',
        authors: ['Ashish Vaswani', 'Noam Shazeer'],
        tasks: ['Machine Translation', 'Language Modelling'],
      },
    ];
    await importArchive(graph.gateway, findArchiveFiles([archiveFile('papers-with-abstracts.json.gz', newer, true)]));
    const [paper] = await graph.gateway.query(TITLES, { id: 'attention-is-all-you-need' });
    expect(paper).toMatchObject({
      title: 'Attention Is All You Need (v2)',
      authors: ['Ashish Vaswani', 'Noam Shazeer'],
      tasks: ['Machine Translation', 'Language Modelling'],
    });
  });
});

describe('bad input', () => {
  it('names the file and the record when a file is not a JSON array, and writes nothing', async () => {
    const invalid = INVALID_EVALUATION_SAMPLE;
    const renamed = archiveFile('evaluation-tables.json', 'placeholder');
    writeFileSync(renamed, readFileSync(invalid));
    await expect(importArchive(graph.gateway, findArchiveFiles([renamed]))).rejects.toThrow(
      /evaluation-tables\.json: .*at record 0/,
    );
    expect(await graphCounts(graph.gateway)).toEqual({ nodes: 0, relationships: 0 });
  });

  it('names the file when the gzip data is truncated', async () => {
    const file = archiveFile('papers-with-abstracts.json.gz', PAPERS, true);
    writeFileSync(file, gzipSync(JSON.stringify(PAPERS)).subarray(0, 40));
    await expect(importArchive(graph.gateway, findArchiveFiles([file]))).rejects.toThrow(
      /papers-with-abstracts\.json\.gz: the gzip data is truncated/,
    );
  });

  it('rejects a record of the wrong shape with its number', async () => {
    const file = archiveFile('papers-with-abstracts.json', [PAPERS[0], 'oops']);
    await expect(importArchive(graph.gateway, findArchiveFiles([file]))).rejects.toThrow(
      /expected a papers record \(a JSON object\) \(at record 1\)/,
    );
  });

  it('leaves whole batches only when a file fails midway, and a rerun of the fixed file completes the graph', async () => {
    const papers = Array.from({ length: 6 }, (_, index) => ({
      paper_url: `https://paperswithcode.com/paper/paper-${index}`,
      title: `Paper ${index}`,
      authors: [`Author ${index}`, 'Shared Author'],
    }));
    const broken = archiveFile('papers-with-abstracts.json', [...papers.slice(0, 5), 42, papers[5]]);
    await expect(importArchive(graph.gateway, findArchiveFiles([broken]), { batchSize: 2 })).rejects.toThrow(
      /expected a papers record \(a JSON object\) \(at record 5\)/,
    );
    // Batches [0, 1] and [2, 3] were committed; paper 4 waited in an unwritten batch.
    const [partial] = await graph.gateway.query<{ papers: number; authorships: number }>(PAPER_COUNTS);
    expect(partial).toEqual({ papers: 4, authorships: 8 });
    await importArchive(graph.gateway, findArchiveFiles([archiveFile('papers-with-abstracts.json', papers)]), {
      batchSize: 2,
    });
    const [complete] = await graph.gateway.query<{ papers: number; authorships: number }>(PAPER_COUNTS);
    expect(complete).toEqual({ papers: 6, authorships: 12 });
  });

  it('rejects a missing path, a file name of no archive kind and two files of one kind, naming them', () => {
    expect(() => findArchiveFiles(['/no/such/papers.json'])).toThrow('/no/such/papers.json: no such file or folder');
    expect(() => findArchiveFiles([archiveFile('notes.json', [])])).toThrow(/notes\.json: not an archive file name/);
    const plain = archiveFile('methods.json', []);
    const prefixed = archiveFile('jul-28-methods.json.gz', [], true);
    expect(() => findArchiveFiles([plain, prefixed])).toThrow(/are both methods files/);
  });
});
