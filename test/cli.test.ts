import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { cli } from './support/cli';
import { graphCounts, useTestGraph } from './support/graph';

const scratch = mkdtempSync(path.join(os.tmpdir(), 'pwc2-cli-'));
const graph = useTestGraph('empty');

describe('npm run import', () => {
  it('explains itself with --help', async () => {
    const run = await cli(['import', '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Usage: pwc2 import \[options\] <paths\.\.\.>/);
    expect(run.stdout).toMatch(/--batch-size <n>/);
    expect(run.stdout).toMatch(/--report <file>/);
  });

  it('imports files into the graph and writes the report it prints', async () => {
    const dir = mkdtempSync(path.join(scratch, 'archive-'));
    writeFileSync(
      path.join(dir, 'jul-28-papers-with-abstracts.json.gz'),
      gzipSync(JSON.stringify([{ paper_url: 'https://paperswithcode.com/paper/p1', title: 'P1', authors: ['A B'] }])),
    );
    const reportFile = path.join(scratch, 'report.json');
    const run = await cli(['import', dir, '--report', reportFile, '--batch-size', '10']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/jul-28-papers-with-abstracts\.json\.gz: 1 records, 1 written/);
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    expect(report.files[0]).toMatchObject({ kind: 'papers', records: 1, written: 1 });
    expect(await graphCounts(graph.gateway)).toEqual({ nodes: 2, relationships: 1 });
  });

  it('names a missing path and exits 1 before touching any database', async () => {
    const run = await cli(['import', '/no/such/folder'], { NEO4J_URI: 'bolt://127.0.0.1:1', NEO4J_PASSWORD: 'x' });
    expect(run.code).toBe(1);
    expect(run.stderr + run.stdout).toMatch(/\/no\/such\/folder: no such file or folder/);
  });

  it('names the file of a truncated gzip and exits 1', async () => {
    const file = path.join(mkdtempSync(path.join(scratch, 'bad-')), 'methods.json.gz');
    writeFileSync(file, gzipSync(JSON.stringify([{ url: 'x', name: 'y' }])).subarray(0, 25));
    const run = await cli(['import', file]);
    expect(run.code).toBe(1);
    expect(run.stderr + run.stdout).toMatch(/methods\.json\.gz: the gzip data is truncated or corrupt/);
  });

  it('refuses a bad --batch-size', async () => {
    const run = await cli(['import', scratch, '--batch-size', '0']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toMatch(/--batch-size.*expected a whole number of 1 or more/);
  });
});

describe('configuration errors', () => {
  it('lists every problem at once and exits 1', async () => {
    const run = await cli(['serve'], { PORT: 'eighty', NEO4J_URI: 'http://nope', NEO4J_PASSWORD: '' });
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/PORT: /);
    expect(run.stderr).toMatch(/NEO4J_URI: /);
    expect(run.stderr).toMatch(/See \.env\.example/);
  });
});
