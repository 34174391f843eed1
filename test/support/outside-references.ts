import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

/** A reference in a file of the repository to a path outside it. */
export interface OutsideReference {
  file: string;
  line: number;
  text: string;
}

// A relative path that climbs: `../x`, `../../x/y` (in imports, Markdown links, prose, shell).
const RELATIVE_PATH = /(?<![\w./-])((?:\.\.\/)+)[\w.@/-]*/g;
// A path built from segments that climb out of the project root or the file's folder (`__dirname`).
const JOINED_SEGMENTS = /\b(PROJECT_ROOT|__dirname)\s*,\s*((?:['"]\.\.['"]\s*,?\s*)+)/g;
// An absolute path into a machine's own folders: never the same on a user's machine.
const MACHINE_PATH = /(?<![\w.:/-])\/(?:work|home|root|Users)\/[\w.-]+/g;

function escapes(root: string, from: string, climbs: number): boolean {
  const target = path.resolve(from, ...Array<string>(climbs).fill('..'));
  return path.relative(root, target).startsWith('..');
}

/**
 * The references in `text` (the content of `file`, a path inside `root`) that lead out of `root`:
 * relative paths resolved from the file's folder, paths joined from `PROJECT_ROOT` or `__dirname`,
 * and absolute paths into a machine's home or work folders.
 */
export function findOutsideReferences(root: string, file: string, text: string): OutsideReference[] {
  const found: OutsideReference[] = [];
  const folder = path.dirname(file);
  text.split('\n').forEach((line, index) => {
    const report = (match: string) => found.push({ file: path.relative(root, file), line: index + 1, text: match });
    for (const match of line.matchAll(RELATIVE_PATH)) {
      if (escapes(root, folder, match[1].length / 3)) report(match[0]);
    }
    for (const match of line.matchAll(JOINED_SEGMENTS)) {
      const base = match[1] === 'PROJECT_ROOT' ? root : folder;
      if (escapes(root, base, (match[2].match(/\.\./g) ?? []).length)) report(match[0]);
    }
    for (const match of line.matchAll(MACHINE_PATH)) report(match[0]);
  });
  return found;
}

/** The text files under `folder` (recursively), leaving out folders named in `skip` (relative to `root`). */
export function textFiles(root: string, folder: string, skip: readonly string[]): string[] {
  const full = path.join(root, folder);
  if (!statSync(full).isDirectory()) return [full];
  return readdirSync(full, { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(folder, entry.name);
    if (skip.includes(relative)) return [];
    if (entry.isDirectory()) return textFiles(root, relative, skip);
    return /\.(ts|js|mjs|json|md|graphql|cypher|sh|yml|yaml|xml|java|txt|svg)$|^run$|^Dockerfile$/.test(entry.name)
      ? [path.join(root, relative)]
      : [];
  });
}

/** Every outside reference in the given files. */
export function outsideReferencesIn(root: string, files: readonly string[]): OutsideReference[] {
  return files.flatMap((file) => findOutsideReferences(root, file, readFileSync(file, 'utf8')));
}
