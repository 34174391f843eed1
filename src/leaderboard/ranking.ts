import type { MetricValue, Result } from '../result/result.type';
import type { SotaStep } from './leaderboard.type';
import { MetricDirection } from '../model/metric';

/** A leaderboard row with its value on one metric. */
export interface Entry {
  result: Result;
  value: MetricValue;
}

/** Whether `a` is better than `b` on a metric of `direction` (unknown directions count higher as better). */
function better(direction: MetricDirection, a: number, b: number): boolean {
  return direction === MetricDirection.LOWER_IS_BETTER ? a < b : a > b;
}

function byName(a: Entry, b: Entry): number {
  return a.result.modelName.localeCompare(b.result.modelName) || a.result.id.localeCompare(b.result.id);
}

/**
 * The state of the art over time: rows with a date and a readable value, in date order; each
 * step is a row that beat every earlier one, with its improvement over the step before.
 */
export function sotaSteps(entries: Entry[], direction: MetricDirection): SotaStep[] {
  const dated = entries
    .filter((entry) => entry.result.date !== null && entry.value.value !== null && Number.isFinite(entry.value.value))
    .sort((a, b) => {
      const byDate = (a.result.date as string).localeCompare(b.result.date as string);
      if (byDate !== 0) return byDate;
      const [x, y] = [a.value.value as number, b.value.value as number];
      return x === y ? byName(a, b) : better(direction, x, y) ? -1 : 1;
    });
  const steps: SotaStep[] = [];
  for (const { result, value } of dated) {
    const previous = steps.at(-1);
    const reached = value.value as number;
    if (previous && !better(direction, reached, previous.value)) continue;
    steps.push({
      date: result.date as string,
      value: reached,
      result,
      improvement: previous ? Number(Math.abs(reached - previous.value).toPrecision(12)) : null,
    });
  }
  return steps;
}
