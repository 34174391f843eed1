// Whether two servers answered an example with the same data, before either is timed: the
// hand-written limit must return what our API returns, or its time means nothing.

/** Cursors differ by design (the limit leaves them raw); floats are compared to 9 digits. */
const IGNORED_KEYS = new Set(['cursor', 'endCursor', '__typename']);

/** Reasons are a set: the API sorts them heaviest first, Cypher in the order it collects them. */
const UNORDERED_LISTS = new Set(['reasons']);

export function normalise(value: unknown, key = ''): unknown {
  if (Array.isArray(value)) {
    const items = value.map((item) => normalise(item));
    return UNORDERED_LISTS.has(key) ? items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))) : items;
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([name]) => !IGNORED_KEYS.has(name))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([name, inner]) => [name, normalise(inner, name)]),
    );
  }
  return typeof value === 'number' ? Number(value.toPrecision(9)) : value;
}

/**
 * Our answer's `data` against the limit's: the limit returns the root field's value itself, or,
 * for operations with several root fields (or a list at the root), the whole `data`.
 */
export function sameData(ours: Record<string, unknown>, limit: unknown): boolean {
  const roots = Object.keys(ours);
  const candidate = roots.length === 1 && !Array.isArray(ours[roots[0]]) ? ours[roots[0]] : ours;
  return sameAnswer(candidate, limit);
}

/** Two GraphQL servers' `data` for the same request (the baseline's against ours), normalised alike. */
export function sameAnswer(ours: unknown, theirs: unknown): boolean {
  return JSON.stringify(normalise(ours)) === JSON.stringify(normalise(theirs));
}
