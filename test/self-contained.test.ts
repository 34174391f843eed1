import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';
import { findOutsideReferences, outsideReferencesIn, textFiles } from './support/outside-references';

// Everything a user gets with a clone; the real data in test/fixtures is third-party text, kept as published.
const SCANNED = [
  'src',
  'test',
  'bench',
  'docs',
  'schema',
  'seed',
  'tools',
  '.ci',
  'README.md',
  'package.json',
  'jest.config.ts',
  'tsconfig.json',
  'tsconfig.build.json',
  'eslint.config.mjs',
  'Dockerfile',
  'docker-compose.yml',
  '.env.example',
];
const NOT_SCANNED = [path.join('test', 'fixtures')];

describe('the repository stands on its own', () => {
  it('no file refers to a path outside the repository', () => {
    const files = SCANNED.flatMap((entry) => textFiles(PROJECT_ROOT, entry, NOT_SCANNED));
    expect(files.length).toBeGreaterThan(100);
    expect(outsideReferencesIn(PROJECT_ROOT, files)).toEqual([]);
  });

  describe('findOutsideReferences', () => {
    const root = path.join(path.sep, 'repo');
    const find = (file: string, text: string) =>
      findOutsideReferences(root, path.join(root, file), text).map((reference) => reference.text);
    // Built from parts, so that this file itself holds no reference that leaves the repository.
    const up = (times: number, rest: string) => `${'../'.repeat(times)}${rest}`;

    it('finds relative paths that climb out of the repository, from the folder of the file', () => {
      expect(find('README.md', `the contract is in \`${up(1, 'elsewhere/docs/api.md')}\``)).toEqual([
        up(1, 'elsewhere/docs/api.md'),
      ]);
      expect(find('src/archive/x.test.ts', `import { a } from '${up(3, 'sibling/samples')}';`)).toEqual([
        up(3, 'sibling/samples'),
      ]);
    });

    it('leaves relative paths that stay inside alone', () => {
      expect(find('src/archive/x.test.ts', `import { a } from '${up(2, 'test/support/samples')}';`)).toEqual([]);
      expect(find('docs/API.md', `[the README](${up(1, 'README.md')})`)).toEqual([]);
    });

    it('finds paths joined out of the project root or the file folder', () => {
      const dots = "'..'";
      expect(find('test/support/x.ts', `path.resolve(PROJECT_ROOT, ${dots}, 'data')`)).toHaveLength(1);
      expect(find('test/support/x.ts', `path.join(__dirname, ${dots}, ${dots}, ${dots})`)).toHaveLength(1);
      expect(find('src/config.ts', `path.resolve(__dirname, ${dots})`)).toEqual([]);
    });

    it('finds absolute paths into the folders of one machine', () => {
      const machinePath = ['', 'work', 'main', '.bench', 'graph'].join('/');
      expect(find('bench/results/x.json', `"graph": "${machinePath}"`)).toHaveLength(1);
      expect(find('seed/x.json', '"url": "https://github.com/home/work"')).toEqual([]);
    });
  });
});
