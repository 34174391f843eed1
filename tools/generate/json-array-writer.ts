import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import { createGzip, type ZlibOptions } from 'node:zlib';

const CHUNK_CHARS = 1 << 20;
// zlib compresses on the thread pool, one output buffer per round trip through the event loop.
// Room for several chunks, output buffers as large as a chunk and a yield to the event loop after
// each chunk let it compress one chunk while the next is generated, instead of taking turns.
const GZIP_BUFFER_BYTES = 8 << 20;
const GZIP_OUTPUT_BYTES = 1 << 20;

/**
 * Writes one JSON array to a gzip file element by element, in chunks of about a megabyte, waiting
 * for the gzip stream to drain when it is full: memory stays bounded whatever the array's length.
 */
export class GzipJsonArrayWriter {
  private pending = '[';
  private count = 0;
  private readonly gzip;
  private readonly done: Promise<void>;

  constructor(
    readonly file: string,
    level?: number,
  ) {
    // highWaterMark is a stream option zlib passes on, missing from ZlibOptions' type.
    this.gzip = createGzip({ level, chunkSize: GZIP_OUTPUT_BYTES, highWaterMark: GZIP_BUFFER_BYTES } as ZlibOptions);
    this.done = pipeline(this.gzip, createWriteStream(file));
    // pipeline() reports the failure through `done`; this keeps it from also being an unhandled rejection.
    this.done.catch(() => undefined);
  }

  get written(): number {
    return this.count;
  }

  /** Appends one element given as its JSON text. */
  async writeJson(json: string): Promise<void> {
    this.pending += this.count === 0 ? json : `,${json}`;
    this.count += 1;
    if (this.pending.length >= CHUNK_CHARS) await this.flush();
  }

  async write(value: unknown): Promise<void> {
    await this.writeJson(JSON.stringify(value));
  }

  /** Closes the array and the file; resolves when every byte is on disk. */
  async close(): Promise<void> {
    this.pending += ']\n';
    await this.flush();
    this.gzip.end();
    await this.done;
  }

  /** Abandons the file after a failure elsewhere, releasing its handle. */
  destroy(): void {
    this.gzip.destroy();
  }

  private async flush(): Promise<void> {
    const chunk = this.pending;
    this.pending = '';
    if (this.gzip.write(chunk)) await new Promise<void>((resolve) => setImmediate(resolve));
    else await Promise.race([once(this.gzip, 'drain'), this.done]);
  }
}
