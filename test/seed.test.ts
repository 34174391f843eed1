import { findArchiveFiles } from '../src/archive/archive-files';
import { importArchive } from '../src/archive/import-archive';
import { cypher } from '../src/db/cypher';
import { loadSampleIfEmpty } from '../src/archive/sample';
import { loadConfig } from '../src/config';
import { graphCounts, resetGraph, SEED_DIR, useTestGraph } from './support/graph';
import { testLogger } from './support/test-neo4j';

const SEED_PAPER = 'an-image-is-worth-one-word-personalizing';

const DREAMBOOTH_ROW = cypher(
  'test.dreamboothRow',
  `MATCH (l:Leaderboard)-[:FOR_TASK]->(:Task {name: 'Personalized Image Generation'}),
         (l)-[:ON_DATASET]->(d:Dataset {name: 'DreamBooth'}),
         (r:Result {modelName: 'Textual Inversion SD v1.5'})-[:ON_LEADERBOARD]->(l)
   RETURN l.id AS leaderboard, d.id AS dataset, toString(r.date) AS date,
          [(r)-[:FROM_PAPER]->(p) | p.id] AS papers,
          COLLECT { MATCH (r)-[v:HAS_VALUE]->(m) RETURN [m.name, v.raw, toString(v.value), m.direction] ORDER BY m.name } AS values`,
);
const HIERARCHY = cypher(
  'test.taskHierarchy',
  `MATCH (t:Task {id: $id})
   RETURN [(t)-[:SUBTASK_OF]->(parent) | parent.name] AS parents,
          COLLECT { MATCH (t)-[:SUBTASK_OF*0..]->()-[:IN_AREA]->(area) RETURN DISTINCT area.name } AS areas`,
);
const OFFICIAL_CODE = cypher(
  'test.officialCode',
  `MATCH (:Paper {id: $id})-[c:HAS_CODE]->(r:Repository)
   RETURN r.url AS url, c.isOfficial AS official, c.framework AS framework ORDER BY url`,
);

const graph = useTestGraph('sample');

describe('the bundled sample archive (seed/)', () => {
  it("holds the seed page's DreamBooth results of Textual Inversion SD v1.5, linked to its paper", async () => {
    const rows = await graph.gateway.query(DREAMBOOTH_ROW);
    expect(rows).toEqual([
      {
        leaderboard: 'personalized-image-generation-on-dreambooth',
        dataset: 'dreambooth',
        date: '2022-08-02',
        papers: [SEED_PAPER],
        values: [
          ['Concept Preservation (CP)', '0.378', '0.378', 'HIGHER_IS_BETTER'],
          ['Overall (CP * PF)', '0.236', '0.236', 'HIGHER_IS_BETTER'],
          ['Prompt Following (PF)', '0.624', '0.624', 'HIGHER_IS_BETTER'],
        ],
      },
    ]);
  });

  it('has a task hierarchy with areas', async () => {
    const [personalized] = await graph.gateway.query(HIERARCHY, { id: 'personalized-image-generation' });
    expect(personalized).toEqual({ parents: ['Image Generation'], areas: ['Computer Vision'] });
  });

  it("links the seed paper's code, with its official repository", async () => {
    const links = await graph.gateway.query<{ url: string; official: boolean; framework: string | null }>(
      OFFICIAL_CODE,
      {
        id: SEED_PAPER,
      },
    );
    expect(links.length).toBeGreaterThanOrEqual(5);
    expect(links.filter((link) => link.official)).toEqual([
      { url: 'https://github.com/rinongal/textual_inversion', official: true, framework: 'pytorch' },
    ]);
  });

  it('is imported idempotently: a second import changes no counts', async () => {
    const before = await graphCounts(graph.gateway);
    await importArchive(graph.gateway, findArchiveFiles([SEED_DIR]));
    expect(await graphCounts(graph.gateway)).toEqual(before);
  });
});

describe('the bundled sample at start', () => {
  it('is loaded into an empty graph only', async () => {
    const config = loadConfig();
    await resetGraph(graph.gateway);
    expect(await loadSampleIfEmpty(graph.gateway, config, testLogger)).toBe(true);
    const loaded = await graphCounts(graph.gateway);
    expect(loaded.nodes).toBeGreaterThan(0);
    expect(await loadSampleIfEmpty(graph.gateway, config, testLogger)).toBe(false);
    expect(await graphCounts(graph.gateway)).toEqual(loaded);
  });
});
