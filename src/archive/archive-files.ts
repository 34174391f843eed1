import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The five files of the archive, in the order they are imported so that joins resolve. */
export const ARCHIVE_KINDS = ['datasets', 'methods', 'papers', 'links', 'evaluation-tables'] as const;
export type ArchiveKind = (typeof ARCHIVE_KINDS)[number];

const BASE_NAMES: Record<string, ArchiveKind> = {
  datasets: 'datasets',
  methods: 'methods',
  'papers-with-abstracts': 'papers',
  'links-between-papers-and-code': 'links',
  'evaluation-tables': 'evaluation-tables',
};

const FILE_NAME = /^(?:jul-2[89]-)?([a-z-]+)\.json(?:\.gz)?$/;

export interface ArchiveFile {
  kind: ArchiveKind;
  path: string;
}

export class ArchiveInputError extends Error {
  override name = 'ArchiveInputError';
}

/** The kind of an archive file from its name (plain or jul-28-/jul-29- prefixed, .json or .json.gz). */
export function archiveKind(file: string): ArchiveKind | undefined {
  const match = FILE_NAME.exec(path.basename(file));
  return match ? BASE_NAMES[match[1]] : undefined;
}

/**
 * The archive files named by `inputs` (files, or folders holding them), in import order. A missing
 * path, a file of no known kind or two files of one kind is an error naming the path.
 */
export function findArchiveFiles(inputs: string[]): ArchiveFile[] {
  const byKind = new Map<ArchiveKind, string>();
  const add = (file: string, explicit: boolean) => {
    const kind = archiveKind(file);
    if (!kind) {
      if (!explicit) return;
      throw new ArchiveInputError(
        `${file}: not an archive file name (expected papers-with-abstracts, links-between-papers-and-code, ` +
          `evaluation-tables, methods or datasets, .json or .json.gz, optionally jul-28-/jul-29- prefixed)`,
      );
    }
    const other = byKind.get(kind);
    if (other && other !== file) throw new ArchiveInputError(`${file} and ${other} are both ${kind} files: give one`);
    byKind.set(kind, file);
  };
  for (const input of inputs) {
    const resolved = path.resolve(input);
    if (!existsSync(resolved)) throw new ArchiveInputError(`${input}: no such file or folder`);
    if (statSync(resolved).isDirectory()) {
      for (const name of readdirSync(resolved).sort()) add(path.join(resolved, name), false);
    } else {
      add(resolved, true);
    }
  }
  if (byKind.size === 0) throw new ArchiveInputError(`no archive files in ${inputs.join(', ')}`);
  return ARCHIVE_KINDS.filter((kind) => byKind.has(kind)).map((kind) => ({ kind, path: byKind.get(kind) as string }));
}
