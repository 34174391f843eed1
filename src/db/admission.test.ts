import { Admission, type Ticket } from './admission';

const ticket = (client: string, options: Partial<Ticket> = {}): Ticket => ({
  client,
  deadline: Infinity,
  limitMs: 10_000,
  heavy: false,
  ...options,
});

/** A unit of work that runs until `finish()` is called, recording when it started. */
function gate(started: string[], name: string) {
  let finish!: () => void;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return { work: () => (started.push(name), done), finish: () => finish() };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('Admission', () => {
  it('runs at most maxRunning at once and gives a free slot to the client with the least running, least recently served', async () => {
    const admission = new Admission({
      maxRunning: 1,
      maxHeavyRunning: 1,
      maxQueued: 100,
      saturationMs: 1000,
      reservedForLight: 0,
    });
    const started: string[] = [];
    const first = gate(started, 'greedy-0');
    const running = admission.run(ticket('greedy'), first.work);
    const gates = ['greedy-1', 'greedy-2', 'greedy-3'].map((name) => gate(started, name));
    const greedy = gates.map((g) => admission.run(ticket('greedy'), g.work));
    const polite = gate(started, 'polite');
    const politeRun = admission.run(ticket('polite'), polite.work);
    expect(admission.load).toEqual({ running: 1, queued: 4 });
    await new Promise((resolve) => setTimeout(resolve, 5)); // greedy has now used some database time
    first.finish();
    await running;
    await flush();
    // The polite client came last, with one request, and goes first.
    expect(started).toEqual(['greedy-0', 'polite']);
    const other = gate(started, 'other');
    polite.finish();
    await politeRun;
    const otherRun = admission.run(ticket('other'), other.work);
    await flush();
    expect(started).toEqual(['greedy-0', 'polite', 'greedy-1']);
    gates[0].finish();
    await greedy[0];
    await flush();
    // "other" has used no database time yet, greedy has.
    expect(started.at(-1)).toBe('other');
    other.finish();
    await otherRun;
    for (const g of gates.slice(1)) {
      await flush();
      g.finish();
    }
    await Promise.all(greedy);
    expect(started).toEqual(['greedy-0', 'polite', 'greedy-1', 'other', 'greedy-2', 'greedy-3']);
  });

  it('keeps slots free for cheap requests: heavy ones use at most maxHeavyRunning', async () => {
    const admission = new Admission({
      maxRunning: 3,
      maxHeavyRunning: 1,
      maxQueued: 100,
      saturationMs: 1000,
      reservedForLight: 0,
    });
    const started: string[] = [];
    const heavy = [gate(started, 'heavy-a'), gate(started, 'heavy-b')];
    const heavyRuns = heavy.map((g, index) => admission.run(ticket(`h${index}`, { heavy: true }), g.work));
    const cheap = gate(started, 'cheap');
    const cheapRun = admission.run(ticket('c'), cheap.work);
    await flush();
    expect(started).toEqual(['heavy-a', 'cheap']);
    cheap.finish();
    await cheapRun;
    heavy[0].finish();
    await heavyRuns[0];
    await flush();
    expect(started).toEqual(['heavy-a', 'cheap', 'heavy-b']);
    heavy[1].finish();
    await heavyRuns[1];
  });

  it('keeps reserved slots for light clients: one that used the database a lot waits, a new one does not', async () => {
    let now = 1_000_000;
    const admission = new Admission(
      { maxRunning: 2, maxHeavyRunning: 2, maxQueued: 100, saturationMs: 1000, reservedForLight: 1 },
      () => now,
    );
    // "busy" runs a transaction of 5 s: its recent database time is then over the light limit.
    await admission.run(ticket('busy'), async () => {
      now += 5000;
    });
    const started: string[] = [];
    const first = gate(started, 'busy-1');
    const busyRun = admission.run(ticket('busy'), first.work);
    const second = gate(started, 'busy-2');
    const busyWaiting = admission.run(ticket('busy'), second.work);
    const light = gate(started, 'light');
    const lightRun = admission.run(ticket('light'), light.work);
    await flush();
    expect(started).toEqual(['busy-1', 'light']);
    light.finish();
    await lightRun;
    await flush();
    expect(started).toEqual(['busy-1', 'light']);
    // After a minute its past time has decayed: it is light again and takes the reserved slot.
    now += 60_000;
    first.finish();
    await busyRun;
    await flush();
    expect(started).toEqual(['busy-1', 'light', 'busy-2']);
    second.finish();
    await busyWaiting;
  });

  it('drops a waiting transaction at its deadline with QUERY_TIMEOUT, and refuses work past a full queue', async () => {
    const admission = new Admission({
      maxRunning: 1,
      maxHeavyRunning: 1,
      maxQueued: 1,
      saturationMs: 1000,
      reservedForLight: 0,
    });
    const blocker = gate([], 'blocker');
    const running = admission.run(ticket('a'), blocker.work);
    const late = admission.run(ticket('b', { deadline: Date.now() + 30 }), () => Promise.resolve('ran'));
    const refused = admission.run(ticket('c'), () => Promise.resolve('ran'));
    await expect(refused).rejects.toMatchObject({ extensions: { code: 'SERVICE_UNAVAILABLE' } });
    await expect(late).rejects.toMatchObject({ extensions: { code: 'QUERY_TIMEOUT' } });
    expect(admission.load).toEqual({ running: 1, queued: 0 });
    blocker.finish();
    await running;
    expect(admission.load).toEqual({ running: 0, queued: 0 });
  });

  it('reports saturation only once the queue stays over half full, and clears it only once it stays low', async () => {
    const admission = new Admission({
      maxRunning: 1,
      maxHeavyRunning: 1,
      maxQueued: 4,
      saturationMs: 1000,
      reservedForLight: 0,
    });
    const blocker = gate([], 'blocker');
    const running = admission.run(ticket('a'), blocker.work);
    const waiting = [1, 2, 3].map(() => admission.run(ticket('b'), () => Promise.resolve()));
    const now = Date.now();
    expect(admission.saturated(now)).toBe(false);
    expect(admission.saturated(now + 999)).toBe(false);
    expect(admission.saturated(now + 1000)).toBe(true);
    blocker.finish();
    await running;
    await Promise.all(waiting);
    const drained = Date.now();
    expect(admission.saturated(drained + 500)).toBe(true);
    expect(admission.saturated(drained + 1000)).toBe(false);
  });
});
