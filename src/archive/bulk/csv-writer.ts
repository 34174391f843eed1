import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { stringify, type Stringifier } from 'csv-stringify';

/** One CSV file as neo4j-admin reads it, written through csv-stringify with backpressure. */
export class CsvWriter {
  rows = 0;
  /** Some value holds a line break: neo4j-admin must parse this file with multiline fields. */
  multiline = false;
  private readonly csv: Stringifier;
  private readonly done: Promise<void>;

  constructor(
    readonly file: string,
    header: string[],
  ) {
    // Absent values are empty fields (neo4j-admin leaves the property out); an empty string is "".
    this.csv = stringify({ quoted_match: /^$/ });
    this.done = pipeline(this.csv, createWriteStream(file));
    this.csv.write(header);
  }

  async write(fields: (string | null)[]): Promise<void> {
    for (const field of fields) if (field !== null && /[\r\n]/.test(field)) this.multiline = true;
    this.rows += 1;
    if (!this.csv.write(fields)) await once(this.csv, 'drain');
  }

  async close(): Promise<void> {
    this.csv.end();
    await this.done;
  }
}
