/** A metric value of a leaderboard row: the value as given, always, and the number read from it, if any. */
export interface ParsedMetricValue {
  raw: string;
  value: number | null;
}

/**
 * `(sign)(digits, with commas and a decimal point)(exponent)`. What the commas mean is decided
 * afterwards (see `digitsAsDecimal`), so "1,234.5" and "1,5" are both read as one number.
 */
const NUMBER = /^([+\-−])?(\d[\d,]*(?:\.\d*)?|\.\d+)(?:e([+\-−]?\d+))?/i;

/** Magnitudes right after the number ("220k", "3.0m", "1.2B", "4.1G"): never after a space or before a letter. */
const MAGNITUDE = /^([kmbgt])(?![\p{L}])/iu;
const MAGNITUDE_EXPONENT: Record<string, number> = { k: 3, m: 6, b: 9, g: 9, t: 12 };

/** A percent is kept as the percent number ("85.1%" → 85.1); a multiplier sign is dropped ("1.5x" → 1.5). */
const PERCENT_OR_TIMES = /^\s?(?:%|[x×](?![\p{L}]))/iu;

/**
 * Units a cell may repeat after the number. The metric's name already says the unit, so they are
 * dropped without scaling ("1.2 GB" → 1.2, "12ms" → 12).
 */
const UNIT_WORDS = new Set(
  `ms s sec secs seconds min mins minutes h hr hrs hours days fps kb mb gb tb db px
  params flops gflops tflops macs gmacs`.split(/\s+/),
);
const UNIT_WORD = /^\s?([\p{L}]+)(?![\p{L}\p{N}])/u;

/** What may stand before the number: approximations, bounds and a multiplication sign ("~90", "<0.1", "×1.5"). */
const PREFIX = /^[~≈≃<>≤≥×]\s*/;

/** What may follow the value: an uncertainty ("± 0.0014", "+-0.01", "+/- 0.01"). */
const UNCERTAINTY = /^\s*(?:±|\+\/-|\+-)\s*/;
/** ...a parenthesised or bracketed note ("(±0.01)", "(32.07)", "[val]"). */
const NOTE = /^\s*(?:\([^()]*\)|\[[^[\]]*\])/;
/** ...a second value of a pair ("32.76/32.07", "32.76 32.07", "32.76; 32.07", "32.76, 32.07"). */
const PAIR_SEPARATOR = /^\s*(?:[/;|]\s*|,\s+|\s+)/;
/** ...footnote marks ("90.1*", "90.1†"). */
const FOOTNOTE = /^\s*[*†‡]+/;

/**
 * Reads a metric value of the archive. The number must start the cell (after a BOM, whitespace, a
 * prefix such as "~" or a wrapping "(...)"), so text that merely contains digits ("ResNet-50",
 * "v2") reads as no number; whatever follows the number must be a unit, a percent, an uncertainty,
 * a note, footnote marks or further values, else the cell reads as no number rather than a guess.
 * Of a pair or range ("(32.76 32.07)", "32.76/32.07") the first value is the one read.
 */
export function parseMetricValue(raw: unknown): ParsedMetricValue {
  if (typeof raw === 'number') return { raw: String(raw), value: finite(raw) };
  if (typeof raw === 'string') return { raw, value: numberIn(raw) };
  if (raw === null || raw === undefined) return { raw: '', value: null };
  if (typeof raw === 'boolean' || typeof raw === 'bigint') return { raw: String(raw), value: null };
  return { raw: JSON.stringify(raw) ?? '', value: null };
}

function numberIn(cell: string): number | null {
  let text = cell.replace(/^\uFEFF/, '').trim();
  const wrapped = /^\(([^()]*)\)$|^\[([^[\]]*)\]$/.exec(text);
  if (wrapped) text = (wrapped[1] ?? wrapped[2]).trim();
  text = text.replace(PREFIX, '');

  const first = readValue(text);
  if (!first) return null;
  let rest = first.rest;
  while (rest.trim() !== '') {
    const next = readTail(rest);
    if (next === null) return null;
    rest = next;
  }
  return first.value;
}

/** One of the things allowed after the value; what is left after it, or null when it is none of them. */
function readTail(rest: string): string | null {
  const uncertainty = UNCERTAINTY.exec(rest);
  if (uncertainty) return readValue(rest.slice(uncertainty[0].length))?.rest ?? null;
  const note = NOTE.exec(rest) ?? FOOTNOTE.exec(rest);
  if (note) return rest.slice(note[0].length);
  const separator = PAIR_SEPARATOR.exec(rest);
  if (separator) return readValue(rest.slice(separator[0].length))?.rest ?? null;
  return null;
}

/** A number with what may be written right after it (magnitude, percent, multiplier, unit). */
function readValue(text: string): { value: number | null; rest: string } | null {
  const number = NUMBER.exec(text);
  if (!number) return null;
  const [matched, sign = '', digits, exponent = '0'] = number;
  const mantissa = digitsAsDecimal(digits);
  if (mantissa === null) return null;
  let rest = text.slice(matched.length);
  let scale = 0;
  const magnitude = MAGNITUDE.exec(rest);
  if (magnitude) {
    scale = MAGNITUDE_EXPONENT[magnitude[1].toLowerCase()];
    rest = rest.slice(magnitude[0].length);
  } else {
    const suffix = PERCENT_OR_TIMES.exec(rest);
    if (suffix) rest = rest.slice(suffix[0].length);
  }
  const unit = UNIT_WORD.exec(rest);
  if (unit && UNIT_WORDS.has(unit[1].toLowerCase())) rest = rest.slice(unit[0].length);
  // Scaling through the exponent keeps "1.2B" exactly 1200000000, as 1.2 * 1e9 would not always be.
  const value = Number(
    `${sign === '-' || sign === '−' ? '-' : ''}${mantissa}e${Number(exponent.replace('−', '-')) + scale}`,
  );
  return { value: finite(value), rest };
}

/**
 * The digits with their commas resolved. Commas grouping thousands ("1,234", "12,345,678.9") are
 * dropped, except after a lone leading 0 ("0,123" is a decimal); any other single comma is a
 * decimal comma ("1,5", "12,34", "1,2345"); anything else ("1,2,3", "1,") is no number.
 */
function digitsAsDecimal(digits: string): string | null {
  if (!digits.includes(',')) return digits;
  if (/^[1-9]\d{0,2}(?:,\d{3})+(?:\.\d*)?$/.test(digits)) return digits.replace(/,/g, '');
  if (/^\d+,\d+$/.test(digits)) return digits.replace(',', '.');
  return null;
}

/** NaN and ±Infinity are no numbers; -0 is 0. */
function finite(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  return value === 0 ? 0 : value;
}
