import path from 'node:path';
import type { AdminCsvFile } from '../../local-neo4j/neo4j-admin-import';
import { CsvWriter } from './csv-writer';

/**
 * The CSV files the bulk import writes: one per label and relationship type, with neo4j-admin's
 * typed headers (an untyped column is a string). Each label has its own id space, keyed by the
 * property its uniqueness constraint names (schema/constraints.cypher), so the files reference
 * nodes by the same ids the graph keeps.
 */
export const BULK_FILES = {
  Paper: {
    kind: 'nodes',
    header: [
      'id:ID(Paper)',
      'title',
      'titleKey',
      'abstract',
      'arxivId',
      'urlAbs',
      'urlKey',
      'urlPdf',
      'proceeding',
      'conference',
      'publishedAt:date',
    ],
  },
  Author: { kind: 'nodes', header: ['id:ID(Author)', 'name', 'nameKey'] },
  Task: { kind: 'nodes', header: ['id:ID(Task)', 'name', 'nameKey'] },
  Method: { kind: 'nodes', header: ['id:ID(Method)', 'name', 'fullName', 'description', 'nameKey'] },
  Repository: { kind: 'nodes', header: ['url:ID(Repository)', 'owner', 'name'] },
  AUTHORED: { kind: 'relationships', header: [':START_ID(Author)', ':END_ID(Paper)', 'position:long'] },
  HAS_TASK: { kind: 'relationships', header: [':START_ID(Paper)', ':END_ID(Task)', 'position:long'] },
  USES_METHOD: { kind: 'relationships', header: [':START_ID(Paper)', ':END_ID(Method)'] },
  HAS_CODE: {
    kind: 'relationships',
    header: [
      ':START_ID(Paper)',
      ':END_ID(Repository)',
      'isOfficial:boolean',
      'mentionedInPaper:boolean',
      'mentionedInGithub:boolean',
      'framework',
      'archiveFile',
    ],
  },
} as const;

export type BulkFileName = keyof typeof BULK_FILES;

/** A value as a CSV field: null stays an empty field (no property); numbers and booleans as text. */
export type Field = string | number | boolean | null;

/** Every file of BULK_FILES open for writing in one folder. */
export class BulkFiles {
  private readonly writers = new Map<BulkFileName, CsvWriter>();

  constructor(dir: string) {
    for (const [name, { header }] of Object.entries(BULK_FILES)) {
      this.writers.set(name as BulkFileName, new CsvWriter(path.join(dir, `${name}.csv`), [...header]));
    }
  }

  write(name: BulkFileName, fields: Field[]): Promise<void> {
    return (this.writers.get(name) as CsvWriter).write(fields.map((field) => (field === null ? null : String(field))));
  }

  /** Closes every file; returns them as neo4j-admin is given them, with their row counts. */
  async close(): Promise<(AdminCsvFile & { rows: number })[]> {
    await Promise.all([...this.writers.values()].map((writer) => writer.close()));
    return [...this.writers].map(([name, writer]) => ({
      kind: BULK_FILES[name].kind,
      name,
      file: writer.file,
      multiline: writer.multiline,
      rows: writer.rows,
    }));
  }
}
