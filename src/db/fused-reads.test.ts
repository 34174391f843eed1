import { cypher, type Cypher } from './cypher';
import { FusedReads } from './fused-reads';
import type { Db, KeyedRow, Params } from './gateway';

/** A database that records what it is sent and answers from `answer`. */
function recordingDb(answer: (query: Cypher, params: Params) => unknown[]) {
  const sent: { query: Cypher; params: Params }[] = [];
  const run = (query: Cypher, params: Params = {}) => {
    sent.push({ query, params });
    return Promise.resolve(answer(query, params));
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

  it('fails every read of a fused statement that fails', async () => {
    const db = {
      read: () => Promise.reject(new Error('Neo4j is down')),
      readKeyed: () => Promise.reject(new Error('Neo4j is down')),
    } as unknown as Db;
    const fused = new FusedReads(db);
    const reads = [fused.readKeyed(AUTHORS, { ids: ['p1'] }), fused.readKeyed(TASKS, { ids: ['p1'] })];
    for (const read of reads) await expect(read).rejects.toThrow('Neo4j is down');
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
