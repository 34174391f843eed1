import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream';
import { createGunzip } from 'node:zlib';
import { parser } from 'stream-json';
import { streamArray } from 'stream-json/streamers/StreamArray';

/** A file of the archive could not be read: names the file and the record (or byte) where it failed. */
export class ArchiveReadError extends Error {
  override name = 'ArchiveReadError';
  constructor(
    readonly file: string,
    readonly recordIndex: number,
    reason: string,
  ) {
    super(`${file}: ${reason} (at record ${recordIndex})`);
  }
}

/**
 * Yields the elements of a file whose top level is one JSON array, one at a time, from a stream
 * (gunzipped when the name ends in .gz), so a 2.2 GB file is read in bounded memory.
 */
export async function* readJsonArray(
  file: string,
  onBytesRead: (bytes: number) => void = () => undefined,
): AsyncGenerator<{ index: number; value: unknown }> {
  const source = createReadStream(file);
  source.on('data', () => onBytesRead(source.bytesRead));
  const elements = streamArray();
  const stages = file.endsWith('.gz') ? [source, createGunzip(), parser(), elements] : [source, parser(), elements];
  let failure: Error | undefined;
  // pipeline() destroys every stage on the first error and reports it here.
  pipeline(stages as unknown as [NodeJS.ReadableStream, NodeJS.WritableStream], (error) => {
    if (error) failure = error;
  });
  let index = 0;
  try {
    for await (const element of elements as AsyncIterable<{ key: number; value: unknown }>) {
      index = element.key + 1;
      yield { index: element.key, value: element.value };
    }
  } catch (error) {
    throw new ArchiveReadError(file, index, describe(failure ?? error));
  }
  if (failure) throw new ArchiveReadError(file, index, describe(failure));
}

function describe(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  if (/unexpected end of file|incorrect header check|invalid (block type|distance)/i.test(message)) {
    return `the gzip data is truncated or corrupt (${message})`;
  }
  if (message.startsWith('ENOENT')) return 'no such file';
  return `not a valid JSON array: ${message}`;
}
