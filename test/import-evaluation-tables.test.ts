import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findArchiveFiles } from '../src/archive/archive-files';
import { importArchive } from '../src/archive/import-archive';
import { cypher } from '../src/db/cypher';
import { graphCounts, useTestGraph } from './support/graph';
import { readEvaluationSamples } from './support/samples';

// The real sota-extractor samples, one task tree per file, joined into one evaluation-tables.json.
const tables = readEvaluationSamples();
const archive = path.join(mkdtempSync(path.join(os.tmpdir(), 'pwc2-eval-')), 'evaluation-tables.json');
writeFileSync(archive, JSON.stringify(tables));

const LEADERBOARDS = cypher(
  'test.leaderboards',
  `MATCH (l:Leaderboard)-[:FOR_TASK]->(t:Task), (l)-[:ON_DATASET]->(d:Dataset)
   RETURN l.id AS id, t.name AS task, d.name AS dataset,
          COUNT { (l)<-[:ON_LEADERBOARD]-(:Result) } AS results,
          COLLECT { MATCH (l)-[m:MEASURES]->(metric) RETURN metric.name ORDER BY m.position } AS metrics
   ORDER BY id`,
);
const VALUE = cypher(
  'test.value',
  `MATCH (l:Leaderboard {id: $leaderboard})<-[:ON_LEADERBOARD]-(r:Result {modelName: $model})-[v:HAS_VALUE]->(m:Metric {name: $metric})
   RETURN v.raw AS raw, v.value AS value, toString(r.date) AS date, m.direction AS direction, m.directionSource AS source`,
);

const graph = useTestGraph('empty');

describe('importing the real evaluation-tables samples', () => {
  let report: Awaited<ReturnType<typeof importArchive>>;

  beforeAll(async () => {
    report = await importArchive(graph.gateway, findArchiveFiles([archive]));
  });

  it('makes a leaderboard per task × dataset, merging the duplicate rows', async () => {
    const leaderboards = await graph.gateway.query<{
      id: string;
      task: string;
      dataset: string;
      results: number;
      metrics: string[];
    }>(LEADERBOARDS);
    const byId = new Map(leaderboards.map((leaderboard) => [leaderboard.id, leaderboard]));
    expect(leaderboards).toHaveLength(9);
    // SQuAD1.1 has 217 rows, 33 of them without a model name (kept as "Unnamed model"), one of those
    // repeated exactly; two "QANet (single model)" rows of one date differ in their values and stay
    // two results. CheXpert repeats 2 of its 175 rows exactly.
    expect(byId.get('question-answering-on-squad1-1')).toEqual({
      id: 'question-answering-on-squad1-1',
      task: 'Question Answering',
      dataset: 'SQuAD1.1',
      results: 216,
      metrics: ['EM', 'F1'],
    });
    expect(byId.get('question-answering-on-squad2-0')?.results).toBe(234);
    expect(byId.get('multi-label-classification-on-chexpert')?.results).toBe(173);
    // Three files share the task "Question Answering": one task node with their four leaderboards.
    expect(leaderboards.filter((leaderboard) => leaderboard.task === 'Question Answering')).toHaveLength(4);
    const { skipped, repaired } = report.files[0].toJSON();
    expect(skipped).toEqual({});
    // Rows without a model name (and, in these samples, without a paper) are kept, named so.
    expect(repaired['leaderboard row without model_name or paper: named "Unnamed model"'].count).toBe(33 + 32 + 5);
    expect(repaired['duplicate leaderboard row dropped'].count).toBe(3);
    expect(repaired['conflicting rows for one model, paper and date: kept as separate results'].count).toBeGreaterThan(
      0,
    );
    const qanet = await graph.gateway.query<{ raw: string; date: string }>(VALUE, {
      leaderboard: 'question-answering-on-squad1-1',
      model: 'QANet (single model)',
      metric: 'EM',
    });
    expect(
      qanet
        .filter((row) => row.date === '2018-02-27')
        .map((row) => row.raw)
        .sort(),
    ).toEqual(['80.929', '82.209']);
  });

  it('keeps each raw value and its parsed number, with the metric direction and its source', async () => {
    const [luke] = await graph.gateway.query(VALUE, {
      leaderboard: 'question-answering-on-squad1-1',
      model: 'LUKE (single model)',
      metric: 'EM',
    });
    expect(luke).toEqual({
      raw: '90.202',
      value: 90.202,
      date: '2020-04-10',
      direction: 'HIGHER_IS_BETTER',
      source: expect.any(String),
    });
    const [params] = await graph.gateway.query(VALUE, {
      leaderboard: 'natural-language-inference-on-snli',
      model: '100D LSTM encoders',
      metric: 'Parameters',
    });
    expect(params).toMatchObject({ raw: '220k', value: 220000, date: null, direction: 'LOWER_IS_BETTER' });
    const [empty] = await graph.gateway.query(VALUE, {
      leaderboard: 'natural-language-inference-on-snli',
      model: 'Unlexicalized features',
      metric: 'Parameters',
    });
    expect(empty).toMatchObject({ raw: '', value: null });
  });

  it('is idempotent: a second import changes no counts', async () => {
    const before = await graphCounts(graph.gateway);
    await importArchive(graph.gateway, findArchiveFiles([archive]));
    expect(await graphCounts(graph.gateway)).toEqual(before);
  });
});
