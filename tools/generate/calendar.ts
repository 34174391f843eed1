import type { Random } from './random';

export const FIRST_YEAR = 1990;
/** The dump is of July 2025: no paper is dated later (except the deliberate 2222). */
export const LAST_YEAR = 2025;
const LAST_MONTH = 7;
export const MONTHS = (LAST_YEAR - FIRST_YEAR) * 12 + LAST_MONTH;

// Papers per month grow about 32 % a year, which puts most of the archive after 2017.
const GROWTH = 0.28;
const CUMULATIVE = (() => {
  const table = new Float64Array(MONTHS);
  let total = 0;
  for (let month = 0; month < MONTHS; month += 1) {
    total += Math.exp(GROWTH * (yearOf(month) - LAST_YEAR));
    table[month] = total;
  }
  return table.map((value) => value / total);
})();

export function yearOf(month: number): number {
  return FIRST_YEAR + Math.floor(month / 12);
}

export function monthOf(year: number, monthOfYear: number): number {
  return (year - FIRST_YEAR) * 12 + monthOfYear - 1;
}

/** A month index (0 = January 1990), weighted towards recent years. */
export function sampleMonth(random: Random): number {
  const target = random.next();
  let low = 0;
  let high = MONTHS - 1;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (CUMULATIVE[middle] < target) low = middle + 1;
    else high = middle;
  }
  return low;
}

export function daysIn(month: number): number {
  const year = yearOf(month);
  return new Date(Date.UTC(year, (month % 12) + 1, 0)).getUTCDate();
}

export function isoDate(month: number, day: number): string {
  return `${yearOf(month)}-${pad2((month % 12) + 1)}-${pad2(day)}`;
}

export function pad2(value: number): string {
  return value < 10 ? `0${value}` : String(value);
}
