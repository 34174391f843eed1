import { readStatement, type Params, type ReadStatement } from './cypher';
import { DatabaseUnavailableError } from '../errors';
import { FusedReads, MAX_FUSED_PARTS } from './fused-reads';
import type { GraphReader } from './gateway';

type Sent = { statement: ReadStatement; text: string; inputs: unknown };

/** A reader that records what it is sent (with the text as the gateway would send it) and answers from `answer`. */
function recordingReader(answer: (statement: ReadStatement, inputs: unknown) => unknown[]) {
  const sent: Sent[] = [];
  const reader: GraphReader = {
    read: <Row, I = Params>(statement: ReadStatement, inputs: I) => {
      sent.push({ statement: statement, text: statement.text('$input'), inputs });
      return new Promise<Row[]>((resolve) => resolve(answer(statement, inputs) as Row[]));
    },
  };
  return { reader, sent };
}

const AUTHORS = readStatement<{ ids: string[] }>(
  'author.ofPapers',
  ($) => `UNWIND ${$.ids} AS id MATCH (a) WHERE a.id = id RETURN id AS key, a AS value`,
);
const TASKS = readStatement<{ ids: string[]; limit?: number }>(
  'task.ofPapers',
  ($) => `UNWIND ${$.ids} AS id RETURN id AS key, ${$.limit} AS value`,
);
const COUNT = readStatement<Params>('task.count', () => 'MATCH (t:Task) RETURN count(t) AS total', ['total']);

describe('FusedReads', () => {
  it('sends keyed reads started in the same turn as one statement and gives each its own rows', async () => {
    const { reader, sent } = recordingReader(() => [
      { part: 0, rows: [['p1', 'ada']] },
      {
        part: 1,
        rows: [
          ['p1', 3],
          ['p2', 3],
        ],
      },
    ]);
    const fused = new FusedReads(reader);
    const [authors, tasks] = await Promise.all([
      fused.read(AUTHORS, { ids: ['p1'] }),
      fused.read(TASKS, { ids: ['p1', 'p2'], limit: 3 }),
    ]);
    expect(sent).toHaveLength(1);
    expect(sent[0].statement.name).toBe('fused:author.ofPapers+task.ofPapers');
    expect(sent[0].statement.parts).toEqual(['author.ofPapers', 'task.ofPapers']);
    // Each part reads its own map of the fused statement's inputs: composed, not rewritten.
    expect(sent[0].text).toContain('UNWIND $input.p0.ids AS id');
    expect(sent[0].text).toContain('RETURN id AS key, $input.p1.limit AS value');
    expect(sent[0].inputs).toEqual({ p0: { ids: ['p1'] }, p1: { ids: ['p1', 'p2'], limit: 3 } });
    expect(authors).toEqual([{ key: 'p1', value: 'ada' }]);
    expect(tasks).toEqual([
      { key: 'p1', value: 3 },
      { key: 'p2', value: 3 },
    ]);
  });

  it('sends a read that is alone as it is, and reads started later separately', async () => {
    const { reader, sent } = recordingReader(() => [{ key: 'p1', value: 'ada' }]);
    const fused = new FusedReads(reader);
    await fused.read(AUTHORS, { ids: ['p1'] });
    await fused.read(AUTHORS, { ids: ['p2'] });
    expect(sent.map((entry) => entry.statement.name)).toEqual(['author.ofPapers', 'author.ofPapers']);
    expect(sent[0].text).toBe('UNWIND $input.ids AS id MATCH (a) WHERE a.id = id RETURN id AS key, a AS value');
  });

  it('fails every read of a fused statement when the database is away, without running them again', async () => {
    let calls = 0;
    const down = () => {
      calls += 1;
      return Promise.reject(new DatabaseUnavailableError());
    };
    const fused = new FusedReads({ read: down });
    const reads = [fused.read(AUTHORS, { ids: ['p1'] }), fused.read(TASKS, { ids: ['p1'] })];
    for (const read of reads) await expect(read).rejects.toThrow(/unavailable/);
    expect(calls).toBe(1);
  });

  it('fails only the part whose statement failed: the others are answered from their own statements', async () => {
    const { reader, sent } = recordingReader((statement) => {
      if (statement.name.startsWith('fused:') || statement === TASKS) throw new Error('Invalid input for date()');
      return [{ key: 'p1', value: 'ada' }];
    });
    const fused = new FusedReads(reader);
    const [authors, tasks] = await Promise.allSettled([
      fused.read(AUTHORS, { ids: ['p1'] }),
      fused.read(TASKS, { ids: ['p1'] }),
    ]);
    expect(authors).toEqual({ status: 'fulfilled', value: [{ key: 'p1', value: 'ada' }] });
    expect(tasks).toMatchObject({ status: 'rejected', reason: { message: 'Invalid input for date()' } });
    expect(sent.map((entry) => entry.statement.name)).toEqual([
      'fused:author.ofPapers+task.ofPapers',
      'author.ofPapers',
      'task.ofPapers',
    ]);
  });

  it('sends the same text whatever order the reads were started in', async () => {
    const { reader, sent } = recordingReader(() => []);
    const fused = new FusedReads(reader);
    await Promise.all([fused.read(TASKS, { ids: [] }), fused.read(AUTHORS, { ids: [] })]);
    await Promise.all([fused.read(AUTHORS, { ids: [] }), fused.read(TASKS, { ids: [] })]);
    expect(sent[0].statement).toBe(sent[1].statement);
    expect(sent[0].statement.name).toBe('fused:author.ofPapers+task.ofPapers');
  });

  it(`fuses at most ${MAX_FUSED_PARTS} statements into one`, async () => {
    const { reader, sent } = recordingReader(() => []);
    const fused = new FusedReads(reader);
    const many = Array.from({ length: MAX_FUSED_PARTS + 3 }, (_, index) =>
      readStatement(`s${index}`, () => 'RETURN 1 AS key, 1 AS value'),
    );
    await Promise.all(many.map((statement) => fused.read(statement, {})));
    expect(sent.map((entry) => entry.statement.parts?.length)).toEqual([MAX_FUSED_PARTS, 3]);
  });

  it('reuses the fused statement of a combination it has built before', async () => {
    const { reader, sent } = recordingReader(() => []);
    const fused = new FusedReads(reader);
    for (let round = 0; round < 2; round += 1) {
      await Promise.all([fused.read(AUTHORS, { ids: [] }), fused.read(TASKS, { ids: [] })]);
    }
    expect(sent[0].statement).toBe(sent[1].statement);
  });

  it('fuses reads of any columns, with no key: each part gets back rows of its own columns', async () => {
    const { reader, sent } = recordingReader(() => [
      { part: 0, rows: [['p1', 'ada']] },
      { part: 1, rows: [[7]] },
    ]);
    const fused = new FusedReads(reader);
    const [authors, count] = await Promise.all([fused.read(AUTHORS, { ids: ['p1'] }), fused.read(COUNT, {})]);
    expect(sent[0].text).toContain('WITH collect([total]) AS rows');
    expect(authors).toEqual([{ key: 'p1', value: 'ada' }]);
    expect(count).toEqual([{ total: 7 }]);
  });
});
