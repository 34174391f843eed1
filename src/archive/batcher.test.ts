import { Batcher } from './batcher';

function deferred() {
  let resolve!: () => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<void>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('Batcher', () => {
  it('writes full batches in order, and the rest on drain', async () => {
    const written: number[][] = [];
    const batcher = new Batcher<number>(2, async (items) => {
      written.push(items);
    });
    for (const item of [1, 2, 3, 4, 5]) await batcher.add(item);
    await batcher.drain();
    expect(written).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('reads the next batch while one is written, but never has more writes in flight than allowed', async () => {
    const pending: ReturnType<typeof deferred>[] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const batcher = new Batcher<number>(
      1,
      async () => {
        inFlight += 1;
        maxInFlight = Math.max(maxInFlight, inFlight);
        const write = deferred();
        pending.push(write);
        await write.promise;
        inFlight -= 1;
      },
      2,
    );
    await batcher.add(1);
    await batcher.add(2);
    const third = batcher.add(3);
    expect(pending).toHaveLength(2);
    pending[0].resolve();
    await third;
    pending[1].resolve();
    pending[2].resolve();
    await batcher.drain();
    expect(maxInFlight).toBe(2);
  });

  it('abandons: waits for the write under way and drops what was not written', async () => {
    const write = deferred();
    const written: number[][] = [];
    const batcher = new Batcher<number>(2, async (items) => {
      await write.promise;
      written.push(items);
    });
    await batcher.add(1, 2);
    await batcher.add(3);
    let abandoned = false;
    const abandoning = batcher.abandon().then(() => (abandoned = true));
    await Promise.resolve();
    expect(abandoned).toBe(false);
    write.resolve();
    await abandoning;
    await batcher.drain();
    expect(written).toEqual([[1, 2]]);
  });

  it('throws a failed write from the next add or from drain', async () => {
    const batcher = new Batcher<number>(1, async (items) => {
      if (items[0] === 1) throw new Error('Neo4j went away');
    });
    await batcher.add(1);
    await expect(batcher.add(2)).rejects.toThrow('Neo4j went away');
    const again = new Batcher<number>(5, async () => {
      throw new Error('bad batch');
    });
    await again.add(1);
    await expect(again.drain()).rejects.toThrow('bad batch');
  });
});
