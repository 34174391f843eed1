import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { GzipJsonArrayWriter } from './json-array-writer';

describe('GzipJsonArrayWriter', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'pwc-writer-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const contents = (file: string): unknown => JSON.parse(gunzipSync(readFileSync(file)).toString('utf8'));

  it('writes an empty array', async () => {
    const writer = new GzipJsonArrayWriter(path.join(dir, 'empty.json.gz'));
    await writer.close();
    expect(contents(writer.file)).toEqual([]);
  });

  it('writes many elements across chunks, in order', async () => {
    const writer = new GzipJsonArrayWriter(path.join(dir, 'many.json.gz'), 1);
    const padding = 'x'.repeat(1000);
    for (let i = 0; i < 5_000; i += 1) await writer.write({ i, padding });
    await writer.writeJson('"raw"');
    await writer.close();
    const array = contents(writer.file) as unknown[];
    expect(array).toHaveLength(5_001);
    expect(array[4_999]).toEqual({ i: 4_999, padding });
    expect(array[5_000]).toBe('raw');
    expect(writer.written).toBe(5_001);
  });

  it('reports a file it cannot write', async () => {
    const writer = new GzipJsonArrayWriter(path.join(dir, 'missing-folder', 'x.json.gz'));
    await writer.write({ a: 1 });
    await expect(writer.close()).rejects.toThrow(/ENOENT/);
  });
});
