import { parseMetricValue } from '../archive/metric-value';
import { BadUserInputError } from '../errors';

/** The longest model name, framework and idempotency key a submission may give. */
const MAX_NAME_LENGTH = 200;

/** A required text, trimmed: refused when empty or longer than `maximum`. */
export function requiredText(value: string, argument: string, maximum = MAX_NAME_LENGTH): string {
  const text = value.trim();
  if (!text) throw new BadUserInputError(`\`${argument}\` must not be empty.`, { argument });
  if (text.length > maximum) {
    throw new BadUserInputError(`\`${argument}\` is ${text.length} characters long; the limit is ${maximum}.`, {
      argument,
      maximum,
    });
  }
  return text;
}

/** An http(s) URL as given (trimmed); anything else is refused, naming the argument. */
export function httpUrl(value: string, argument: string): string {
  const text = value.trim();
  let url: URL | null;
  try {
    url = new URL(text);
  } catch {
    url = null;
  }
  if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:')) {
    throw new BadUserInputError(`\`${argument}\` must be an http(s) URL; got ${JSON.stringify(value)}.`, { argument });
  }
  return text;
}

/** A submitted value, as the importer stores a leaderboard cell. */
export interface SubmittedValue {
  metric: string;
  raw: string;
  value: number;
}

/**
 * The values of a result submission against its leaderboard's metrics (`measured`, in order):
 * each metric once, named as the leaderboard names it (exactly, or in another case when only one
 * matches), each value readable as a number by the importer's parser.
 */
export function submittedValues(
  values: { metric: string; value: string }[],
  measured: string[],
  leaderboard: string,
): SubmittedValue[] {
  if (values.length === 0) {
    throw new BadUserInputError('`input.values` must hold at least one value.', { argument: 'input.values' });
  }
  const seen = new Set<string>();
  return values.map(({ metric, value }, index) => {
    const argument = `input.values[${index}]`;
    const named =
      measured.find((name) => name === metric) ??
      singleOrNull(measured.filter((name) => name.toLowerCase() === metric.trim().toLowerCase()));
    if (!named) {
      throw new BadUserInputError(
        `\`${argument}.metric\` ${JSON.stringify(metric)} is not a metric of ${leaderboard}; it measures ${measured.map((name) => JSON.stringify(name)).join(', ') || 'nothing yet'}.`,
        { argument: `${argument}.metric` },
      );
    }
    if (seen.has(named)) {
      throw new BadUserInputError(`\`${argument}.metric\` ${JSON.stringify(named)} is given twice.`, {
        argument: `${argument}.metric`,
      });
    }
    seen.add(named);
    const parsed = parseMetricValue(value);
    if (parsed.value === null) {
      throw new BadUserInputError(
        `\`${argument}.value\` ${JSON.stringify(value)} is not a number the importer can read; write it as the paper does, e.g. "90.2", "90.2%" or "1.5k".`,
        { argument: `${argument}.value` },
      );
    }
    return { metric: named, raw: parsed.raw.trim(), value: parsed.value };
  });
}

function singleOrNull<T>(items: T[]): T | null {
  return items.length === 1 ? items[0] : null;
}
