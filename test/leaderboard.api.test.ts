import { dataOf, errorCodes, SEED_PAPER, useSampleApi } from './support/api';

const { execute } = useSampleApi();

interface Row {
  rank: number;
  value: { raw: string; value: number | null; metric: { name: string; direction: string } };
  result: { modelName: string; date: string | null; paper: { id: string } | null };
}

const ROWS = `query Rows($task: ID!, $dataset: ID!, $benchmark: String, $metric: String, $first: Int) {
  leaderboard(task: $task, dataset: $dataset, benchmark: $benchmark) {
    id name resultCount
    task { id } dataset { id }
    metrics { name direction higherIsBetter directionSource }
    rows(metric: $metric, first: $first) {
      rank
      value { raw value metric { name direction } }
      result { modelName date paper { id } }
    }
  }
}`;

describe('the seed page: DreamBooth, Personalized Image Generation', () => {
  it('ranks "Textual Inversion SD v1.5" on every metric with its values', async () => {
    const metrics = ['Concept Preservation (CP)', 'Prompt Following (PF)', 'Overall (CP * PF)'];
    const expected = { 'Concept Preservation (CP)': 0.378, 'Prompt Following (PF)': 0.624, 'Overall (CP * PF)': 0.236 };
    for (const metric of metrics) {
      const { leaderboard } = dataOf(
        await execute<{ leaderboard: { id: string; metrics: { name: string }[]; rows: Row[] } }>(ROWS, {
          task: 'personalized-image-generation',
          dataset: 'dreambooth',
          metric,
        }),
      );
      expect(leaderboard.id).toBe('personalized-image-generation-on-dreambooth');
      expect(leaderboard.metrics.map((known) => known.name)).toEqual(metrics);
      const row = leaderboard.rows.find((candidate) => candidate.result.modelName === 'Textual Inversion SD v1.5');
      expect(row?.value.value).toBe(expected[metric as keyof typeof expected]);
      expect(row?.result.paper).toEqual({ id: SEED_PAPER });
      expect(row?.result.date).toBe('2022-08-02');
      // ranks follow the values, best first; unreadable values come last
      const readable = leaderboard.rows.filter((candidate) => candidate.value.value !== null);
      const values = readable.map((candidate) => candidate.value.value as number);
      expect(values).toEqual([...values].sort((a, b) => b - a));
      expect(row?.rank).toBe(1 + values.filter((value) => value > (row?.value.value ?? 0)).length);
    }
  });

  it('lists a row whose value is not a number last, never ranked as zero', async () => {
    const { leaderboard } = dataOf(
      await execute<{ leaderboard: { rows: Row[] } }>(ROWS, {
        task: 'personalized-image-generation',
        dataset: 'dreambooth',
        metric: 'Overall (CP * PF)',
      }),
    );
    const last = leaderboard.rows.at(-1) as Row;
    expect(last.value).toMatchObject({ raw: '-', value: null });
    expect(last.rank).toBe(leaderboard.rows.length);
    expect(leaderboard.rows.slice(0, -1).every((row) => row.value.value !== null)).toBe(true);
  });
});

describe('leaderboards', () => {
  it('ranks a lower-is-better metric ascending, ties sharing a rank', async () => {
    const { leaderboard } = dataOf(
      await execute<{
        leaderboard: { id: string; metrics: { direction: string; higherIsBetter: boolean }[]; rows: Row[] };
      }>(ROWS, { task: 'speech-recognition', dataset: 'librispeech', benchmark: 'LibriSpeech test-clean' }),
    );
    expect(leaderboard.id).toBe('speech-recognition-on-librispeech-test-clean');
    expect(leaderboard.metrics[0]).toMatchObject({ direction: 'LOWER_IS_BETTER', higherIsBetter: false });
    const values = leaderboard.rows.map((row) => row.value.value as number);
    expect(values).toEqual([...values].sort((a, b) => a - b));
    expect(leaderboard.rows.slice(0, 3).map((row) => [row.rank, row.value.raw])).toEqual([
      [1, '1.8'],
      [2, '1.9'],
      [2, '1.9'],
    ]);
    expect(leaderboard.rows[3].rank).toBe(4);
  });

  it('picks among splits of one dataset by benchmark name, else the one named as the dataset or the largest', async () => {
    const pick = async (benchmark?: string) =>
      dataOf(
        await execute<{ leaderboard: { id: string } | null }>(ROWS, {
          task: 'speech-recognition',
          dataset: 'librispeech',
          benchmark,
          first: 1,
        }),
      ).leaderboard?.id;
    expect(await pick('librispeech TEST-OTHER')).toBe('speech-recognition-on-librispeech-test-other');
    expect(await pick()).toBe('speech-recognition-on-librispeech-test-clean');
    expect(await pick('no such split')).toBeUndefined();
    const byId = dataOf(
      await execute<{ leaderboardById: { name: string } }>(
        '{ leaderboardById(id: "speech-recognition-on-librispeech-test-other") { name } }',
      ),
    );
    expect(byId.leaderboardById.name).toBe('LibriSpeech test-other');
  });

  it('tells which metrics exist when asked for one the leaderboard lacks', async () => {
    const { result } = await execute(ROWS, {
      task: 'personalized-image-generation',
      dataset: 'dreambooth',
      metric: 'FID',
    });
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors?.[0].message).toBe(
      'Leaderboard personalized-image-generation-on-dreambooth has no metric "FID"; its metrics are: "Concept Preservation (CP)", "Prompt Following (PF)", "Overall (CP * PF)".',
    );
  });

  it('builds the SOTA history as a best-so-far step function with dates and improvements', async () => {
    const { leaderboard } = dataOf(
      await execute<{
        leaderboard: {
          sotaHistory: { date: string; value: number; improvement: number | null; result: { modelName: string } }[];
        };
      }>(
        `{ leaderboard(task: "speech-recognition", dataset: "librispeech") {
          sotaHistory(metric: "Word Error Rate (WER)") { date value improvement result { modelName } }
        } }`,
      ),
    );
    const steps = leaderboard.sotaHistory;
    expect(steps.length).toBeGreaterThanOrEqual(3);
    expect(steps[0].improvement).toBeNull();
    for (let index = 1; index < steps.length; index += 1) {
      expect(steps[index].date >= steps[index - 1].date).toBe(true);
      expect(steps[index].value).toBeLessThan(steps[index - 1].value);
      expect(steps[index].improvement).toBeCloseTo(steps[index - 1].value - steps[index].value, 9);
    }
    expect(steps.at(-1)).toMatchObject({ value: 1.8, result: { modelName: 'wav2vec 2.0 (LV-60k, Transformer LM)' } });
  });

  it('gives a dataset its best result by the metric direction, per task and metric', async () => {
    const { dataset } = dataOf(
      await execute<{
        dataset: {
          byWer: { modelName: string } | null;
          overall: { modelName: string; values: { raw: string }[] } | null;
          noSuchTask: unknown;
        };
      }>(
        `{ dataset(id: "librispeech") {
          byWer: bestResult(task: "speech-recognition", metric: "Word Error Rate (WER)") { modelName }
          overall: bestResult { modelName values { raw } }
          noSuchTask: bestResult(task: "image-generation") { modelName }
        } }`,
      ),
    );
    expect(dataset.byWer?.modelName).toBe('wav2vec 2.0 (LV-60k, Transformer LM)');
    expect(dataset.overall?.modelName).toBe('wav2vec 2.0 (LV-60k, Transformer LM)');
    expect(dataset.noSuchTask).toBeNull();
    const { dataset: dreambooth } = dataOf(
      await execute<{ dataset: { bestResult: { modelName: string } } }>(
        '{ dataset(id: "dreambooth") { bestResult(metric: "Overall (CP * PF)") { modelName } } }',
      ),
    );
    expect(dreambooth.bestResult.modelName).toBe('DreamBooth SD v1.5 (sample)');
  });

  it('lists a task’s and a dataset’s leaderboards, most results first, with their results’ values', async () => {
    const data = dataOf(
      await execute<{
        task: { leaderboards: { id: string; resultCount: number }[] };
        dataset: { leaderboards: { id: string }[] };
      }>(
        `{ task(id: "question-answering") { leaderboards { id resultCount } }
           dataset(id: "librispeech") { leaderboards { id } } }`,
      ),
    );
    const counts = data.task.leaderboards.map((leaderboard) => leaderboard.resultCount);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(data.dataset.leaderboards.map((leaderboard) => leaderboard.id).sort()).toEqual([
      'speech-recognition-on-librispeech-test-clean',
      'speech-recognition-on-librispeech-test-other',
    ]);
  });
});
