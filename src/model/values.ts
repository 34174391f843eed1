/** The archive writes "unknown" as null, "" or whitespace; all become null. */
export function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

/** A list of non-empty strings, in order, first occurrence kept. */
export function textList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return [...new Set(value.map(text).filter((item): item is string => item !== null))];
}

const EARLIEST_YEAR = 1900;

/** A `YYYY-MM-DD` date that exists and is not in the future (the archive has dates such as 2222), else null. */
export function calendarDate(value: unknown, today = new Date()): string | null {
  const raw = text(value);
  const match = raw ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw) : null;
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day));
  const exists = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  if (!exists || year < EARLIEST_YEAR || date.getTime() > today.getTime()) return null;
  return raw;
}

/** `value` without the run of `character` it ends with (a loop: `/x+$/` is quadratic on long runs). */
export function trimTrailing(value: string, character: string): string {
  let end = value.length;
  while (end > 0 && value[end - 1] === character) end -= 1;
  return value.slice(0, end);
}

/** `value` without the runs of `character` it starts and ends with. */
export function trimCharacter(value: string, character: string): string {
  let start = 0;
  while (start < value.length && value[start] === character) start += 1;
  return trimTrailing(value.slice(start), character);
}

/** The last path segment of a Papers With Code URL (`.../paper/<id>` → `<id>`). */
export function lastPathSegment(url: unknown): string | null {
  const raw = text(url);
  if (!raw) return null;
  const segment = trimTrailing(raw.split(/[?#]/)[0], '/').split('/').pop();
  return segment ? decodeURIComponent(segment) : null;
}
