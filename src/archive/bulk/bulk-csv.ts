import { mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import type { AdminCsvFile } from '../../local-neo4j/neo4j-admin-import';
import { titleKey } from '../../model/keys';
import type { ArchiveFile } from '../archive-files';
import { readDataset } from '../import-datasets';
import { readLink, type LinkRow } from '../import-links';
import { readMethod, type MethodRow } from '../import-methods';
import type { IntroducingPaper } from '../introducing-paper';
import { NameIndex } from '../name-index';
import { readPaperRecord } from '../paper-record';
import { PaperResolver, type ResolvedPaper } from '../paper-writer';
import { SILENT_PROGRESS, type Progress } from '../progress';
import { forEachRecord, recordLabel } from '../records';
import { FileReport } from '../report';
import { TaskIds } from '../task-ids';
import { BulkFiles } from './bulk-files';

/** What the bulk import's CSV pass produced, and what it leaves to transactions after neo4j-admin. */
export interface BulkCsv {
  files: (AdminCsvFile & { rows: number })[];
  /** The reports of the papers and links files (the catalogues and evaluation tables report when written). */
  reports: FileReport[];
  /**
   * Later records of a paper id already written, and later links of a (paper, repository) pair:
   * neo4j-admin cannot overwrite, so these are written after it by the transactional writers,
   * which give them the last-record-wins result of a transactional import.
   */
  deferredPapers: ResolvedPaper[];
  deferredLinks: { archiveFile: string; rows: LinkRow[] }[];
  /** Every paper id the files hold. */
  paperIds: ReadonlySet<string>;
}

/**
 * What the catalogues (datasets.json, methods.json) would have put in the graph before the papers
 * file in a transactional import: task ids with their first name, methods with the names of their
 * last record, and the papers that introduced datasets and methods (first record wins, as MERGE ...
 * ON CREATE does). Read here only for the joins; the catalogues are written after neo4j-admin.
 */
async function readCatalogues(archive: ArchiveFile[]) {
  const tasks = new Map<string, string>();
  const methods = new Map<string, MethodRow>();
  const introduced = new Map<string, IntroducingPaper>();
  const scratch = new FileReport('catalogue', 'catalogue');
  const introduce = (paper: IntroducingPaper | null) => {
    if (paper && !introduced.has(paper.id)) introduced.set(paper.id, paper);
  };
  for (const { kind, path: file } of archive) {
    if (kind === 'datasets') {
      await forEachRecord(file, scratch, SILENT_PROGRESS, async (record, index) => {
        const row = readDataset(record, scratch, recordLabel(index, record));
        for (const task of row?.tasks ?? []) if (!tasks.has(task.id)) tasks.set(task.id, task.name);
        introduce(row?.paper ?? null);
      });
    }
    if (kind === 'methods') {
      await forEachRecord(file, scratch, SILENT_PROGRESS, async (record, index) => {
        const row = readMethod(record, scratch, recordLabel(index, record));
        if (row) methods.set(row.id, row);
        introduce(row?.paper ?? null);
      });
    }
  }
  // The transactional importer reads them back ordered by id; the first id of a name keeps it.
  const byId = <T>(entries: Iterable<[string, T]>) => [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return {
    taskIds: new TaskIds(byId(tasks).map(([id, name]) => ({ id, name }))),
    taskNames: tasks,
    methods,
    methodIds: new NameIndex(byId(methods).map(([id, method]) => ({ id, names: [method.name, method.fullName] }))),
    introduced,
  };
}

/**
 * Derives neo4j-admin CSV from the papers and links files, with the transactional importer's
 * readers, resolution and joins, streamed (the memory held is the sets of ids written).
 */
export async function deriveBulkCsv(archive: ArchiveFile[], dir: string, progress: Progress): Promise<BulkCsv> {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const catalogues = await readCatalogues(archive);
  const out = new BulkFiles(dir);
  const written = { authors: new Set<string>(), tasks: new Set<string>(), methods: new Set<string>() };
  const paperIds = new Set<string>();
  const reports: FileReport[] = [];
  const deferredPapers: ResolvedPaper[] = [];
  const deferredLinks: BulkCsv['deferredLinks'] = [];

  // The nodes a paper points at, each written once, with the name its first mention gives it.
  const paperEnds = async (paper: ResolvedPaper) => {
    for (const { authorId, name } of paper.authors) {
      if (written.authors.has(authorId)) continue;
      written.authors.add(authorId);
      await out.write('Author', [authorId, name, titleKey(name)]);
    }
    for (const { id, name } of paper.tasks) {
      if (written.tasks.has(id)) continue;
      written.tasks.add(id);
      const stored = catalogues.taskNames.get(id) ?? name;
      await out.write('Task', [id, stored, titleKey(stored)]);
    }
    for (const method of paper.methods) {
      if (written.methods.has(method.id)) continue;
      written.methods.add(method.id);
      const { name, fullName, description } = catalogues.methods.get(method.id) ?? method;
      await out.write('Method', [method.id, name, fullName, description, titleKey(name)]);
    }
  };

  const writePaper = async (paper: ResolvedPaper) => {
    await paperEnds(paper);
    if (paperIds.has(paper.id)) return void deferredPapers.push(paper);
    paperIds.add(paper.id);
    await out.write('Paper', [
      paper.id,
      paper.title,
      paper.titleKey,
      paper.abstract,
      paper.arxivId,
      paper.urlAbs,
      paper.urlKey,
      paper.urlPdf,
      paper.proceeding,
      paper.conference,
      paper.publishedAt,
    ]);
    for (const { authorId, position } of paper.authors) await out.write('AUTHORED', [authorId, paper.id, position]);
    for (const { id, position } of paper.tasks) await out.write('HAS_TASK', [paper.id, id, position]);
    for (const { id } of paper.methods) await out.write('USES_METHOD', [paper.id, id]);
  };

  const repositories = new Set<string>();
  const links = new Set<string>();
  const writeLink = async (link: LinkRow, archiveFile: string, deferred: LinkRow[]) => {
    const key = `${link.paperId}\u241f${link.url}`;
    if (links.has(key)) return void deferred.push(link);
    links.add(key);
    if (!paperIds.has(link.paperId)) {
      // A paper only the links name: created as the first record naming it would create it.
      paperIds.add(link.paperId);
      const introducing = catalogues.introduced.get(link.paperId);
      const [title, key, arxivId] = introducing
        ? [introducing.title, introducing.titleKey, null]
        : [link.paperTitle, link.paperTitleKey, link.arxivId];
      await out.write('Paper', [link.paperId, title, key, null, arxivId, null, null, null, null, null, null]);
    }
    if (!repositories.has(link.url)) {
      repositories.add(link.url);
      await out.write('Repository', [link.url, link.owner, link.name]);
    }
    await out.write('HAS_CODE', [
      link.paperId,
      link.url,
      link.isOfficial,
      link.mentionedInPaper,
      link.mentionedInGithub,
      link.framework,
      archiveFile,
    ]);
  };

  const derive = async () => {
    for (const { kind, path: file } of archive) {
      if (kind !== 'papers' && kind !== 'links') continue;
      const report = new FileReport(path.basename(file), kind);
      reports.push(report);
      const started = performance.now();
      if (kind === 'papers') {
        const resolver = new PaperResolver(catalogues.taskIds, catalogues.methodIds, report);
        await forEachRecord(file, report, progress, async (record, index) => {
          const outcome = readPaperRecord(record);
          const label = recordLabel(index, record, 'paper_url', 'title');
          if ('skipped' in outcome) return report.skip(outcome.skipped, label);
          for (const repair of outcome.repaired) report.repair(repair, label);
          await writePaper(resolver.resolve(outcome.row));
          report.written += 1;
        });
      } else {
        const deferred = { archiveFile: report.file, rows: [] as LinkRow[] };
        deferredLinks.push(deferred);
        await forEachRecord(file, report, progress, async (record, index) => {
          const link = readLink(record, report, recordLabel(index, record, 'repo_url', 'paper_url'));
          if (!link) return;
          await writeLink(link, report.file, deferred.rows);
          report.written += 1;
        });
      }
      report.seconds = (performance.now() - started) / 1000;
    }
  };
  try {
    await derive();
  } catch (error) {
    await out.close().catch(() => undefined);
    throw error;
  }
  const files = await out.close();
  return { files, reports, deferredPapers, deferredLinks, paperIds };
}
