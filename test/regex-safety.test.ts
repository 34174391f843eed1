import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { checkSync } from 'recheck';
import ts from 'typescript';
import { PROJECT_ROOT } from '../src/config';

// Every regular expression of the server and the importer runs on text someone else wrote (a
// request, an archive file). recheck (a ReDoS checker) proves each one linear; a pattern built at
// run time cannot be checked, so there must be none.

interface Pattern {
  where: string;
  source: string;
  flags: string;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

function patternsIn(file: string): { literals: Pattern[]; built: string[] } {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
  const literals: Pattern[] = [];
  const built: string[] = [];
  const where = (node: ts.Node) =>
    `${path.relative(PROJECT_ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node): void => {
    if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const text = node.getText();
      const end = text.lastIndexOf('/');
      literals.push({ where: where(node), source: text.slice(1, end), flags: text.slice(end + 1) });
    }
    if ((ts.isNewExpression(node) || ts.isCallExpression(node)) && node.expression.getText() === 'RegExp') {
      built.push(where(node));
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { literals, built };
}

const found = sourceFiles(path.join(PROJECT_ROOT, 'src')).map(patternsIn);

describe('regular expressions', () => {
  it('are all literals (none is built from strings at run time)', () => {
    expect(found.flatMap((file) => file.built)).toEqual([]);
  });

  it('are all linear in the length of their input', () => {
    const patterns = found.flatMap((file) => file.literals);
    expect(patterns.length).toBeGreaterThan(20);
    const unsafe = patterns
      .map((pattern) => ({ ...pattern, status: checkSync(pattern.source, pattern.flags.replace('g', '')).status }))
      .filter((pattern) => pattern.status !== 'safe');
    expect(unsafe).toEqual([]);
  });

  it('recheck finds the quadratic trailing-run pattern this project once had', () => {
    expect(checkSync('\\/+$', '').status).toBe('vulnerable');
  });
});
