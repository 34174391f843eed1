import type { Result } from '../result/result.type';
import { MetricDirection } from '../model/metric';
import { toMetric } from './metric.type';
import { sotaSteps, type Entry } from './ranking';

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
