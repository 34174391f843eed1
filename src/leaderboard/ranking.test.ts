import type { Result } from '../result/result.type';
import { MetricDirection } from '../model/metric';
import { toMetric } from './metric.type';
import { rankEntries, sotaSteps, type Entry } from './ranking';

function entry(id: string, value: number | null, date: string | null = null): Entry {
  const result: Result = {
    id,
    leaderboardId: 'l',
    modelName: id,
    date,
    usesAdditionalData: false,
    codeLinks: [],
    paperTitle: null,
  };
  const metric = toMetric({ name: 'm', direction: 'HIGHER_IS_BETTER', directionSource: 'curated' });
  return { result, value: { metric, raw: value === null ? '-' : String(value), value } };
}

const ranks = (entries: Entry[], direction: MetricDirection) =>
  rankEntries(entries, direction).map((row) => [row.result.id, row.rank]);

describe('rankEntries', () => {
  it('ranks higher-is-better descending, ties sharing a rank (1, 1, 3)', () => {
    expect(ranks([entry('a', 1), entry('b', 3), entry('c', 3)], MetricDirection.HIGHER_IS_BETTER)).toEqual([
      ['b', 1],
      ['c', 1],
      ['a', 3],
    ]);
  });

  it('ranks lower-is-better ascending', () => {
    expect(ranks([entry('a', 5), entry('b', 1.5), entry('c', 2)], MetricDirection.LOWER_IS_BETTER)).toEqual([
      ['b', 1],
      ['c', 2],
      ['a', 3],
    ]);
  });

  it('puts unreadable values last, sharing the rank after the ranked rows, never as zero', () => {
    expect(ranks([entry('x', null), entry('a', -1), entry('b', 0)], MetricDirection.HIGHER_IS_BETTER)).toEqual([
      ['b', 1],
      ['a', 2],
      ['x', 3],
    ]);
  });

  it('orders equal values by date, then name', () => {
    const rows = rankEntries(
      [entry('late', 2, '2021-01-01'), entry('early', 2, '2020-01-01'), entry('undated', 2)],
      MetricDirection.HIGHER_IS_BETTER,
    );
    expect(rows.map((row) => row.result.id)).toEqual(['early', 'late', 'undated']);
  });
});

describe('sotaSteps', () => {
  it('keeps each result that beat every earlier one, with its improvement', () => {
    const steps = sotaSteps(
      [
        entry('a', 70, '2019-01-01'),
        entry('b', 65, '2019-06-01'),
        entry('c', 75.5, '2020-01-01'),
        entry('undated', 99),
        entry('d', 75.5, '2021-01-01'),
        entry('e', 80, '2022-01-01'),
        entry('unreadable', null, '2023-01-01'),
      ],
      MetricDirection.HIGHER_IS_BETTER,
    );
    expect(steps.map((step) => [step.result.id, step.value, step.improvement])).toEqual([
      ['a', 70, null],
      ['c', 75.5, 5.5],
      ['e', 80, 4.5],
    ]);
  });

  it('follows a lower-is-better metric downwards, improvements positive', () => {
    const steps = sotaSteps(
      [
        entry('a', 8.1, '2015-01-01'),
        entry('b', 5.3, '2016-01-01'),
        entry('c', 6, '2017-01-01'),
        entry('d', 1.8, '2020-01-01'),
      ],
      MetricDirection.LOWER_IS_BETTER,
    );
    expect(steps.map((step) => [step.result.id, step.improvement])).toEqual([
      ['a', null],
      ['b', 2.8],
      ['d', 3.5],
    ]);
  });

  it('takes the better of two results of the same day as the step', () => {
    const steps = sotaSteps(
      [entry('a', 1, '2020-01-01'), entry('b', 2, '2020-01-01')],
      MetricDirection.HIGHER_IS_BETTER,
    );
    expect(steps.map((step) => step.result.id)).toEqual(['b']);
  });
});
