import type { MetricValue, Result } from '../result/result.type';
import type { RankedResult, SotaStep } from './leaderboard.type';
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
 * Ranks rows by their value in the metric's direction: equal values share a rank (1, 1, 3);
 * earlier results come first among equals. Values that cannot be read as numbers come last, all
 * sharing the rank after the ranked rows, and are never ranked as zero.
 */
export function rankEntries(entries: Entry[], direction: MetricDirection): RankedResult[] {
  const readable = entries.filter((entry) => entry.value.value !== null && Number.isFinite(entry.value.value));
  const unreadable = entries.filter((entry) => !readable.includes(entry)).sort(byName);
  readable.sort((a, b) => {
    const [x, y] = [a.value.value as number, b.value.value as number];
    if (x !== y) return better(direction, x, y) ? -1 : 1;
    return (a.result.date ?? '9999').localeCompare(b.result.date ?? '9999') || byName(a, b);
  });
  const ranked = readable.map((entry, index) => ({ ...entry, rank: index + 1 }));
  for (let index = 1; index < ranked.length; index += 1) {
    if (ranked[index].value.value === ranked[index - 1].value.value) ranked[index].rank = ranked[index - 1].rank;
  }
  return [...ranked, ...unreadable.map((entry) => ({ ...entry, rank: readable.length + 1 }))];
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
