import { cypher, type Cypher } from './cypher';
import { DatabaseUnavailableError } from '../errors';
import { FusedReads, MAX_FUSED_PARTS } from './fused-reads';
import type { Db, KeyedRow, Params } from './gateway';

/** A database that records what it is sent and answers from `answer`. */
function recordingDb(answer: (query: Cypher, params: Params) => unknown[]) {
  const sent: { query: Cypher; params: Params }[] = [];
  const run = (query: Cypher, params: Params = {}) => {
    sent.push({ query, params });
    return new Promise<unknown>((resolve) => resolve(answer(query, params)));
  };
  const db = {
    read: run,
    readKeyed: run,
    write: run,
    writeTransaction: () => Promise.reject(new Error('not used')),
  } as unknown as Db;
  return { db, sent };
}

const AUTHORS = cypher('author.ofPapers', 'UNWIND $ids AS id MATCH (a) WHERE a.id = id RETURN id AS key, a AS value');
const TASKS = cypher('task.ofPapers', 'UNWIND $ids AS id RETURN id AS key, $limit AS value');

describe('FusedReads', () => {
  it('sends keyed reads started in the same turn as one statement and gives each its own rows', async () => {
    const { db, sent } = recordingDb(() => [
      { part: 0, rows: [['p1', 'ada']] },
      {
        part: 1,
        rows: [
          ['p1', 3],
          ['p2', 3],
        ],
      },
    ]);
    const fused = new FusedReads(db);
    const [authors, tasks] = await Promise.all([
      fused.readKeyed(AUTHORS, { ids: ['p1'] }),
      fused.readKeyed(TASKS, { ids: ['p1', 'p2'], limit: 3 }),
    ]);
    expect(sent).toHaveLength(1);
    expect(sent[0].query.name).toBe('fused:author.ofPapers+task.ofPapers');
    expect(sent[0].query.text).toContain('UNWIND $p0_ids AS id');
    expect(sent[0].query.text).toContain('RETURN id AS key, $p1_limit AS value');
    expect(sent[0].params).toEqual({ p0_ids: ['p1'], p1_ids: ['p1', 'p2'], p1_limit: 3 });
    expect(authors).toEqual<KeyedRow<string>[]>([{ key: 'p1', value: 'ada' }]);
    expect(tasks).toEqual([
      { key: 'p1', value: 3 },
      { key: 'p2', value: 3 },
    ]);
  });

  it('sends a read that is alone as it is, and reads started later separately', async () => {
    const { db, sent } = recordingDb(() => [{ key: 'p1', value: 'ada' }]);
    const fused = new FusedReads(db);
    await fused.readKeyed(AUTHORS, { ids: ['p1'] });
    await fused.readKeyed(AUTHORS, { ids: ['p2'] });
    expect(sent.map((entry) => entry.query.name)).toEqual(['author.ofPapers', 'author.ofPapers']);
  });

  it('fails every read of a fused statement when the database is away, without running them again', async () => {
    let calls = 0;
    const down = () => {
      calls += 1;
      return Promise.reject(new DatabaseUnavailableError());
    };
    const fused = new FusedReads({ read: down, readKeyed: down } as unknown as Db);
    const reads = [fused.readKeyed(AUTHORS, { ids: ['p1'] }), fused.readKeyed(TASKS, { ids: ['p1'] })];
    for (const read of reads) await expect(read).rejects.toThrow(/unavailable/);
    expect(calls).toBe(1);
  });

  it('fails only the part whose statement failed: the others are answered from their own statements', async () => {
    const { db, sent } = recordingDb((query) => {
      if (query.name.startsWith('fused:') || query === TASKS) throw new Error('Invalid input for date()');
      return [{ key: 'p1', value: 'ada' }];
    });
    const fused = new FusedReads(db);
    const [authors, tasks] = await Promise.allSettled([
      fused.readKeyed(AUTHORS, { ids: ['p1'] }),
      fused.readKeyed(TASKS, { ids: ['p1'] }),
    ]);
    expect(authors).toEqual({ status: 'fulfilled', value: [{ key: 'p1', value: 'ada' }] });
    expect(tasks).toMatchObject({ status: 'rejected', reason: { message: 'Invalid input for date()' } });
    expect(sent.map((entry) => entry.query.name)).toEqual([
      'fused:author.ofPapers+task.ofPapers',
      'author.ofPapers',
      'task.ofPapers',
    ]);
  });

  it('sends the same text whatever order the reads were started in', async () => {
    const { db, sent } = recordingDb(() => []);
    const fused = new FusedReads(db);
    await Promise.all([fused.readKeyed(TASKS, { ids: [] }), fused.readKeyed(AUTHORS, { ids: [] })]);
    await Promise.all([fused.readKeyed(AUTHORS, { ids: [] }), fused.readKeyed(TASKS, { ids: [] })]);
    expect(sent[0].query).toBe(sent[1].query);
    expect(sent[0].query.name).toBe('fused:author.ofPapers+task.ofPapers');
  });

  it(`fuses at most ${MAX_FUSED_PARTS} statements into one`, async () => {
    const { db, sent } = recordingDb(() => []);
    const fused = new FusedReads(db);
    const many = Array.from({ length: MAX_FUSED_PARTS + 3 }, (_, index) =>
      cypher(`s${index}`, 'RETURN 1 AS key, 1 AS value'),
    );
    await Promise.all(many.map((query) => fused.readKeyed(query)));
    expect(sent.map((entry) => entry.query.name.split('+').length)).toEqual([MAX_FUSED_PARTS, 3]);
  });

  it('reuses the fused statement of a combination it has built before', async () => {
    const { db, sent } = recordingDb(() => []);
    const fused = new FusedReads(db);
    for (let round = 0; round < 2; round += 1) {
      await Promise.all([fused.readKeyed(AUTHORS, { ids: [] }), fused.readKeyed(TASKS, { ids: [] })]);
    }
    expect(sent[0].query).toBe(sent[1].query);
  });
});
