import pino from 'pino';
import { createProgress } from './progress';

describe('createProgress when not on a terminal', () => {
  afterEach(() => jest.useRealTimers());

  it('logs a plain line with percent, records, rate and ETA at most every 10 s', () => {
    jest.useFakeTimers({ now: new Date('2026-01-01T00:00:00Z') });
    const lines: Record<string, unknown>[] = [];
    const log = pino(
      { level: 'info' },
      { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) },
    );
    const progress = createProgress(log, false);
    progress.start('papers-with-abstracts.json.gz', 1000);
    jest.advanceTimersByTime(5_000);
    progress.update(100, 500);
    expect(lines).toHaveLength(0);
    jest.advanceTimersByTime(5_000);
    progress.update(250, 2500);
    progress.stop();
    expect(lines).toEqual([
      expect.objectContaining({
        msg: 'importing',
        file: 'papers-with-abstracts.json.gz',
        percent: 25,
        records: 2500,
        perSecond: 250,
        etaSeconds: 30,
      }),
    ]);
  });
});
