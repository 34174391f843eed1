import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

// `npm run generate` as a user runs it: the script, through ts-node, in its own process.
const run = promisify(execFile);
const ROOT = path.join(__dirname, '..', '..');
const generate = (args: string[]) =>
  run(process.execPath, ['-r', 'ts-node/register/transpile-only', 'tools/generate/cli.ts', ...args], { cwd: ROOT });

it('writes the five archive files', async () => {
  const out = await mkdtemp(path.join(tmpdir(), 'pwc2-generate-'));
  try {
    await generate(['--papers', '40', '--out', out, '--seed', '2']);
    expect((await readdir(out)).sort()).toEqual([
      'datasets.json.gz',
      'evaluation-tables.json.gz',
      'links-between-papers-and-code.json.gz',
      'methods.json.gz',
      'papers-with-abstracts.json.gz',
    ]);
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

it('refuses a paper count that is not a whole number, saying what it expects', async () => {
  await expect(generate(['--papers', 'many', '--out', tmpdir()])).rejects.toMatchObject({
    stderr: expect.stringContaining(
      "option '--papers <n>' argument 'many' is invalid. expected a whole number of 1 or more",
    ),
  });
});
