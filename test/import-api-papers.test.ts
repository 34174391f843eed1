import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findArchiveFiles } from '../src/archive/archive-files';
import { importArchive } from '../src/archive/import-archive';
import { cypher } from '../src/db/cypher';
import { useTestGraph } from './support/graph';
import { PWC_SAMPLES } from './support/samples';

// Real papers as the former REST API served them. The archive's paper records carry the same
// fields under their archive names, so the test maps each one and imports it as a papers file.
interface ApiPaper {
  id: string;
  arxiv_id: string | null;
  title: string;
  abstract: string;
  authors: string[];
  published: string | null;
  url_abs: string | null;
  url_pdf: string | null;
  proceeding: string | null;
  conference: string | null;
}
const api = JSON.parse(readFileSync(path.join(PWC_SAMPLES, 'api-v1', 'paper_list_response.json'), 'utf8')) as {
  results: ApiPaper[];
};
const single = JSON.parse(
  readFileSync(path.join(PWC_SAMPLES, 'api-v1', 'paper_get_response.json'), 'utf8'),
) as ApiPaper;
const records = [...api.results, single].map((paper) => ({
  paper_url: `https://paperswithcode.com/paper/${paper.id}`,
  arxiv_id: paper.arxiv_id,
  title: paper.title,
  abstract: paper.abstract,
  authors: paper.authors,
  date: paper.published,
  url_abs: paper.url_abs,
  url_pdf: paper.url_pdf,
  proceeding: paper.proceeding,
  conference: paper.conference,
  tasks: [],
  methods: [],
}));
const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'pwc2-api-')), 'papers-with-abstracts.json');
writeFileSync(file, JSON.stringify(records));

const PAPER = cypher(
  'test.apiPaper',
  `MATCH (p:Paper {id: $id})
   RETURN p.arxivId AS arxivId, toString(p.publishedAt) AS publishedAt, p.urlAbs AS urlAbs,
          COUNT { (p)<-[:AUTHORED]-() } AS authors`,
);

const graph = useTestGraph('empty');

describe('importing the real API papers', () => {
  it('writes all 51, with old-style arXiv ids kept and missing ones absent', async () => {
    const report = await importArchive(graph.gateway, findArchiveFiles([file]));
    expect(report.files[0].toJSON()).toMatchObject({ records: 51, written: 51, skipped: {}, repaired: {} });
    const [hopfield] = await graph.gateway.query(PAPER, { id: 'neural-networks-and-physical-systems-with' });
    expect(hopfield).toEqual({
      arxivId: null,
      publishedAt: '1982-01-15',
      urlAbs: 'https://www.pnas.org/content/79/8/2554',
      authors: expect.any(Number),
    });
    const oldStyle = api.results.find((paper) => paper.arxiv_id === 'cs/9301114') as ApiPaper;
    const [old] = await graph.gateway.query(PAPER, { id: oldStyle.id });
    expect(old).toMatchObject({ arxivId: 'cs/9301114', authors: oldStyle.authors.length });
    const [gan] = await graph.gateway.query(PAPER, { id: 'generative-adversarial-networks' });
    expect(gan).toMatchObject({ arxivId: '1406.2661', publishedAt: single.published });
  });
});
