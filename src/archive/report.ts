const EXAMPLES_KEPT = 3;

interface Tally {
  count: number;
  examples: string[];
}

function tally(into: Map<string, Tally>, reason: string, example: string): void {
  const entry = into.get(reason) ?? { count: 0, examples: [] };
  entry.count += 1;
  if (entry.examples.length < EXAMPLES_KEPT) entry.examples.push(example);
  into.set(reason, entry);
}

/** What happened to one file: records read and written, and what was skipped or repaired, with examples. */
export class FileReport {
  records = 0;
  written = 0;
  readonly skipped = new Map<string, Tally>();
  readonly repaired = new Map<string, Tally>();
  seconds = 0;

  constructor(
    readonly file: string,
    readonly kind: string,
  ) {}

  skip(reason: string, example: string): void {
    tally(this.skipped, reason, example);
  }

  repair(reason: string, example: string): void {
    tally(this.repaired, reason, example);
  }

  toJSON() {
    return {
      file: this.file,
      kind: this.kind,
      records: this.records,
      written: this.written,
      seconds: Math.round(this.seconds * 10) / 10,
      recordsPerSecond: this.seconds > 0 ? Math.round(this.records / this.seconds) : null,
      skipped: Object.fromEntries(this.skipped),
      repaired: Object.fromEntries(this.repaired),
    };
  }

  /** Human-readable lines for the end-of-import summary. */
  describe(): string[] {
    const rate = this.seconds > 0 ? `, ${Math.round(this.records / this.seconds)} records/s` : '';
    const lines = [
      `${this.file}: ${this.records} records, ${this.written} written in ${this.seconds.toFixed(1)} s${rate}`,
    ];
    for (const [label, tallies] of [
      ['skipped', this.skipped],
      ['repaired', this.repaired],
    ] as const) {
      for (const [reason, { count, examples }] of tallies) {
        lines.push(`  ${label} ${count} × ${reason} (e.g. ${examples.join('; ')})`);
      }
    }
    return lines;
  }
}
