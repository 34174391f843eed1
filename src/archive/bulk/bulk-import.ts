import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { Config } from '../../config';
import { importingNeo4j } from '../../db/graph-connection';
import { cypher } from '../../db/cypher';
import { Neo4jGateway } from '../../db/gateway';
import { buildSchema } from '../../db/schema';
import { ManagedNeo4j } from '../../local-neo4j/managed-neo4j';
import { runAdminImport } from '../../local-neo4j/neo4j-admin-import';
import { instanceLayout } from '../../local-neo4j/neo4j-conf';
import type { Logger } from '../../logger';
import { lastPathSegment } from '../../model/values';
import { ARCHIVE_KINDS, findArchiveFiles, type ArchiveFile } from '../archive-files';
import { DEFAULT_BATCH_SIZE, importArchive, type ImportOptions, type ImportReport } from '../import-archive';
import { writeLinks } from '../import-links';
import { introducingPaper } from '../introducing-paper';
import { readPaperRecord } from '../paper-record';
import { writePapers } from '../paper-writer';
import { SILENT_PROGRESS } from '../progress';
import { forEachRecord } from '../records';
import { FileReport } from '../report';
import { deriveBulkCsv, type BulkCsv } from './bulk-csv';

/** The bulk import cannot run here; the message says why and what to do instead. */
export class BulkImportRefused extends Error {
  override name = 'BulkImportRefused';
}

export interface BulkImportReport extends ImportReport {
  /** Wall seconds of each phase, in order: check, csv, neo4j-admin, indexes, deferred, transactional. */
  phases: Record<string, number>;
}

const GRAPH_CONTENTS = cypher(
  'bulk.graphContents',
  `RETURN COUNT { MATCH (p:Paper) } AS papers,
          COUNT { MATCH (p:Paper) WHERE NOT p.id IN $sample } AS otherPapers,
          COUNT { MATCH (n) WHERE n:Submission OR n:Contributor } AS contributions`,
);

/** The papers an archive's files create (the papers file's, the links', the introducing ones). */
async function paperIdsOf(files: ArchiveFile[]): Promise<{ all: Set<string>; papersFile: Set<string> }> {
  const all = new Set<string>();
  const papersFile = new Set<string>();
  const scratch = new FileReport('sample', 'sample');
  for (const { kind, path: file } of files) {
    await forEachRecord(file, scratch, SILENT_PROGRESS, async (record) => {
      if (kind === 'papers') {
        const outcome = readPaperRecord(record);
        if ('row' in outcome) {
          papersFile.add(outcome.row.id);
          all.add(outcome.row.id);
        }
      } else if (kind === 'links') {
        const id = lastPathSegment(record.paper_url);
        if (id) all.add(id);
      } else if (kind === 'datasets' || kind === 'methods') {
        const paper = introducingPaper(record);
        if (paper) all.add(paper.id);
      }
    });
  }
  return { all, papersFile };
}

/**
 * Whether the managed instance already has a database, and if so that it holds nothing but the
 * bundled sample (which --bulk may replace); anything more is refused.
 */
async function inspectExistingGraph(
  config: Config,
  sample: Set<string>,
  log: Logger,
): Promise<{ sampleOnly: boolean }> {
  const home = config.managedNeo4j.home;
  const store = path.join(instanceLayout(home).dataDir, 'databases', config.neo4j.database);
  if (!existsSync(store)) return { sampleOnly: false };
  const managed = new ManagedNeo4j(config.managedNeo4j, config.neo4j.password, log);
  await managed.start();
  const gateway = Neo4jGateway.connect({ ...config.neo4j, uri: managed.uri });
  try {
    const [contents] = await gateway.query<{ papers: number; otherPapers: number; contributions: number }>(
      GRAPH_CONTENTS,
      { sample: [...sample] },
    );
    if (contents.otherPapers > 0 || contents.contributions > 0) {
      const more = [
        contents.otherPapers > 0 ? `${contents.otherPapers} papers beyond the bundled sample` : '',
        contents.contributions > 0 ? `${contents.contributions} contributors and submissions` : '',
      ].filter(Boolean);
      throw new BulkImportRefused(
        `the graph in ${home} holds ${more.join(' and ')}, and --bulk replaces the whole database: ` +
          'import without --bulk to add this dump to it (records are merged, contributions kept), ' +
          `or delete ${instanceLayout(home).dataDir} (with the server stopped) to bulk-import into an empty graph`,
      );
    }
    return { sampleOnly: contents.papers > 0 };
  } finally {
    await gateway.close();
    await managed.stop();
  }
}

/** Writes what neo4j-admin could not (later records of an id already written), batch by batch. */
async function writeDeferred(db: Neo4jGateway, csv: BulkCsv, batchSize: number): Promise<number> {
  const batches = <T>(rows: T[]) =>
    Array.from({ length: Math.ceil(rows.length / batchSize) }, (_, i) =>
      rows.slice(i * batchSize, (i + 1) * batchSize),
    );
  for (const batch of batches(csv.deferredPapers)) await writePapers(db, batch);
  for (const { archiveFile, rows } of csv.deferredLinks) {
    for (const batch of batches(rows)) await writeLinks(db, batch, archiveFile);
  }
  return csv.deferredPapers.length + csv.deferredLinks.reduce((sum, { rows }) => sum + rows.length, 0);
}

/**
 * `import --bulk`: the archive into an empty managed graph through `neo4j-admin database import
 * full`. The papers and links files (nearly all of the graph) become CSV, derived with the
 * transactional importer's readers and joins; neo4j-admin loads them with the instance stopped;
 * then the instance starts, the schema is built, and the catalogues, the evaluation tables, the
 * name keys and the stored facets are written by the transactional importer, so both paths give
 * one graph. Refuses for a remote Neo4j, an instance another process runs, and a graph with more
 * than the bundled sample (which is loaded again after, unless the archive holds its papers).
 */
export async function bulkImport(
  archive: ArchiveFile[],
  config: Config,
  options: ImportOptions & { log: Logger },
): Promise<BulkImportReport> {
  const { log, batchSize = DEFAULT_BATCH_SIZE, progress = SILENT_PROGRESS } = options;
  const home = config.managedNeo4j.home;
  if (config.neo4j.uri) {
    throw new BulkImportRefused(
      `--bulk writes the managed Neo4j's store files with neo4j-admin, and NEO4J_URI points at ${config.neo4j.uri}, ` +
        'whose files this machine cannot reach: import without --bulk (transactional, into any Neo4j)',
    );
  }
  const running = ManagedNeo4j.runningIn(home);
  if (running) {
    throw new BulkImportRefused(
      `the managed Neo4j in ${home} is running (pid ${running.pid}), started by another process such as npm start, ` +
        'and neo4j-admin needs it stopped: stop that process and run the bulk import again, ' +
        'or import without --bulk into the running graph',
    );
  }
  const started = performance.now();
  const phases: Record<string, number> = {};
  const phase = async <T>(name: string, run: () => Promise<T>): Promise<T> => {
    const phaseStarted = performance.now();
    log.info({ phase: name }, 'bulk import phase');
    const result = await run();
    phases[name] = Math.round((performance.now() - phaseStarted) / 100) / 10;
    log.info({ phase: name, seconds: phases[name] }, 'bulk import phase done');
    return result;
  };

  const sampleFiles = findArchiveFiles([config.seedDir]);
  const sample = await paperIdsOf(sampleFiles);
  const { sampleOnly } = await phase('check', () => inspectExistingGraph(config, sample.all, log));
  const csvDir = path.join(home, 'bulk-csv');
  try {
    const csv = await phase('csv', () => deriveBulkCsv(archive, csvDir, progress));
    await phase('neo4j-admin', () =>
      runAdminImport(
        config.managedNeo4j,
        { files: csv.files, maxOffHeap: config.managedNeo4j.pageCache, overwrite: sampleOnly },
        log,
      ),
    );
    const reloadSample = sampleOnly && [...sample.papersFile].some((id) => !csv.paperIds.has(id));
    const managed = new ManagedNeo4j(config.managedNeo4j, config.neo4j.password, log);
    await managed.start();
    const gateway = Neo4jGateway.connect({ ...importingNeo4j(config.neo4j), uri: managed.uri });
    try {
      await phase('indexes', () => buildSchema(gateway, config.schemaDir, log));
      await phase('deferred', () => writeDeferred(gateway, csv, batchSize));
      const catalogues = archive.filter(({ kind }) => kind !== 'papers' && kind !== 'links');
      const rest = [...catalogues, ...(reloadSample ? sampleFiles : [])];
      if (reloadSample) log.info({ from: config.seedDir }, 'loading the bundled sample again');
      const transactional = await phase('transactional', () => importArchive(gateway, rest, options));
      const order = (report: FileReport) => ARCHIVE_KINDS.indexOf(report.kind as (typeof ARCHIVE_KINDS)[number]);
      return {
        files: [
          ...[...csv.reports, ...transactional.files.slice(0, catalogues.length)].sort((a, b) => order(a) - order(b)),
          ...transactional.files.slice(catalogues.length),
        ],
        seconds: (performance.now() - started) / 1000,
        peakRssMiB: Math.round(process.resourceUsage().maxRSS / 1024),
        phases,
      };
    } finally {
      await gateway.close();
      await managed.stop();
    }
  } finally {
    rmSync(csvDir, { recursive: true, force: true });
  }
}
