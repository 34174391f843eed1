import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PROJECT_ROOT } from '../src/config';

const SRC = path.join(PROJECT_ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

const FILES = sourceFiles(SRC).map((file) => ({ file: path.relative(SRC, file), text: readFileSync(file, 'utf8') }));

/** The API's GraphQL side: the schema layer, resolvers, loaders, GraphQL types and inputs. */
const GRAPHQL_SIDE = /^(graphql\/|http\/)|\.(resolver|loader|type)\.ts$|-filter\.ts$|^paper\/paper-list\.ts$/;

// Cypher clauses as they start a line or follow a quote or brace in statement text.
const CYPHER = /(^|[`'"{(\s])(MATCH|UNWIND|OPTIONAL MATCH|RETURN|WITH \w+ WHERE|EXISTS \{|COUNT \{)\s/m;

describe('where code lives (docs/ARCHITECTURE.md)', () => {
  it('the GraphQL side holds no Cypher and does not compose statements: repositories and src/db/ do', () => {
    const graphqlSide = FILES.filter(({ file }) => GRAPHQL_SIDE.test(file));
    expect(graphqlSide.length).toBeGreaterThan(30);
    const offending = graphqlSide
      .filter(({ text }) => CYPHER.test(text) || /from '\.\.\/db\/(cypher|graph-vocabulary)'/.test(text))
      .map(({ file }) => file);
    expect(offending).toEqual([]);
  });

  it('repositories compose shared patterns from the vocabulary, not from each other', () => {
    const crossImports = FILES.filter(({ file }) => file.endsWith('.repository.ts'))
      .filter(({ text }) => /from '\.\.\/\w+\/\w+\.repository'/.test(text))
      .map(({ file }) => file);
    expect(crossImports).toEqual([]);
  });

  it('no source file is over about 300 lines, but for the metric-direction word lists', () => {
    const long = FILES.filter(({ text }) => text.split('\n').length > 310).map(({ file }) => file);
    expect(long).toEqual(['archive/metric-direction.ts']);
  });
});
