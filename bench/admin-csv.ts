// Writes a Neo4j graph out as the CSV files `neo4j-admin database import` reads: one node file per
// label, one relationship file per type and (start label, end label) pair, with typed headers derived
// from the graph itself (uniqueness constraints for the :ID columns, db.schema.*TypeProperties() for
// the rest). Rows are streamed from the driver, never held in memory. Used by bench/admin-import.ts.
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { CsvWriter } from '../src/archive/bulk/csv-writer';
import neo4j, { isDate, isDateTime, isLocalDateTime, isLocalTime, isTime, type Driver } from 'neo4j-driver';
import type { Logger } from 'pino';

/** Between the elements of an array value: a control character no string of the graph contains (checked). */
export const ARRAY_DELIMITER = '\u001f';
/** neo4j-admin's spelling of ARRAY_DELIMITER (`--array-delimiter`). */
export const ARRAY_DELIMITER_OPTION = 'U+001F';
/** Written last, so its presence means the export is complete. */
const MARKER = 'export.json';

/** The neo4j-admin header type of each property type db.schema.*TypeProperties() reports. */
const HEADER_TYPES: Record<string, string> = {
  String: 'string',
  Long: 'long',
  Double: 'double',
  Boolean: 'boolean',
  Date: 'date',
  LocalDateTime: 'localdatetime',
  DateTime: 'datetime',
  LocalTime: 'localtime',
  Time: 'time',
  StringArray: 'string[]',
  LongArray: 'long[]',
  DoubleArray: 'double[]',
  BooleanArray: 'boolean[]',
  DateArray: 'date[]',
};

export interface GraphCounts {
  nodes: Record<string, number>;
  relationships: number;
}

export interface CsvFile {
  /** Path relative to the export folder. */
  file: string;
  kind: 'nodes' | 'relationships';
  rows: number;
  /** Some value holds a line break: neo4j-admin must parse this file with multiline fields. */
  multiline: boolean;
}

export interface CsvExport {
  /** Rows per label and type when the export was limited (a smoke test), else null. */
  limit: number | null;
  seconds: number;
  bytes: number;
  files: CsvFile[];
  /** The source graph's counts when exported. */
  source: GraphCounts;
  /** What the files hold: what neo4j-admin must import (the source's counts unless limited). */
  written: GraphCounts;
  /** Empty arrays per `Label.property`: neo4j-admin cannot write them, so the property is absent. */
  emptyArrays: Record<string, number>;
}

interface Property {
  name: string;
  headerType: string;
}

interface GraphSchema {
  /** The identity property (single-property uniqueness constraint) of every label. */
  identity: Record<string, string>;
  nodeProperties: Record<string, Property[]>;
  relationshipProperties: Record<string, Property[]>;
}

type Row = Record<string, unknown>;

/** Runs a read statement and returns all rows (for small answers only). */
async function readAll(driver: Driver, query: string, params: Row = {}): Promise<Row[]> {
  const { records } = await driver.executeQuery(query, params, { routing: 'READ', database: 'neo4j' });
  return records.map((record) => record.toObject());
}

/** Node counts per label (from the counts store) and the relationship count; every node must have one label. */
export async function graphCounts(driver: Driver): Promise<GraphCounts> {
  const labels = (await readAll(driver, 'CALL db.labels() YIELD label RETURN label ORDER BY label')).map((row) =>
    String(row.label),
  );
  const nodes: Record<string, number> = {};
  for (const label of labels) {
    const [row] = await readAll(driver, `MATCH (n:${quote(label)}) RETURN count(n) AS count`);
    nodes[label] = toNumber(row.count);
  }
  const [totals] = await readAll(
    driver,
    'CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes, relationships',
  );
  const labelled = Object.values(nodes).reduce((sum, count) => sum + count, 0);
  if (labelled !== toNumber(totals.nodes)) {
    throw new Error(
      `${toNumber(totals.nodes)} nodes but ${labelled} labels: the export needs exactly one label a node`,
    );
  }
  return { nodes, relationships: toNumber(totals.relationships) };
}

async function readSchema(driver: Driver): Promise<GraphSchema> {
  const identity: Record<string, string> = {};
  const constraints = await readAll(
    driver,
    `SHOW CONSTRAINTS YIELD type, entityType, labelsOrTypes, properties
     WHERE type = 'UNIQUENESS' AND entityType = 'NODE' RETURN labelsOrTypes, properties`,
  );
  for (const { labelsOrTypes, properties } of constraints as { labelsOrTypes: string[]; properties: string[] }[]) {
    if (properties.length === 1) identity[labelsOrTypes[0]] = properties[0];
  }
  const nodeProperties: Record<string, Property[]> = {};
  for (const row of await readAll(driver, 'CALL db.schema.nodeTypeProperties()')) {
    const labels = row.nodeLabels as string[];
    if (labels.length !== 1) throw new Error(`nodes labelled ${labels.join(':')}: the export needs one label a node`);
    const list = (nodeProperties[labels[0]] ??= []);
    if (row.propertyName !== null) list.push(property(`:${labels[0]}`, row));
  }
  const relationshipProperties: Record<string, Property[]> = {};
  for (const row of await readAll(driver, 'CALL db.schema.relTypeProperties()')) {
    const type = String(row.relType).replace(/^:`(.*)`$/, '$1');
    const list = (relationshipProperties[type] ??= []);
    if (row.propertyName !== null) list.push(property(`[:${type}]`, row));
  }
  for (const label of Object.keys(nodeProperties)) {
    const key = identity[label];
    if (!key) throw new Error(`label ${label} has no single-property uniqueness constraint to key its :ID column`);
    const type = nodeProperties[label].find((candidate) => candidate.name === key)?.headerType;
    if (type !== 'string') throw new Error(`${label}.${key} is ${type ?? 'missing'}, but an :ID column is a string`);
  }
  return { identity, nodeProperties, relationshipProperties };
}

function property(owner: string, row: Row): Property {
  const types = row.propertyTypes as string[];
  const headerType = types.length === 1 ? HEADER_TYPES[types[0]] : undefined;
  if (!headerType)
    throw new Error(`${owner}.${String(row.propertyName)} has types ${types.join(', ')}: not exportable`);
  return { name: String(row.propertyName), headerType };
}

/** A graph value as neo4j-admin reads it; null (absent) for null and for empty arrays, which it cannot write. */
function csvValue(value: unknown, onEmptyArray: () => void): string | null {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value)) return scalar(value);
  if (value.length === 0) {
    onEmptyArray();
    return null;
  }
  return value
    .map((element) => {
      const text = scalar(element);
      if (text.includes(ARRAY_DELIMITER) || text === '') {
        throw new Error(`array element ${JSON.stringify(text)} cannot be written with the array delimiter`);
      }
      return text;
    })
    .join(ARRAY_DELIMITER);
}

function scalar(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (neo4j.isInt(value)) return value.toString();
  if (isDate(value) || isDateTime(value) || isLocalDateTime(value) || isLocalTime(value) || isTime(value)) {
    return value.toString();
  }
  throw new Error(`cannot write ${JSON.stringify(value)} to CSV`);
}

function quote(name: string): string {
  return `\`${name.replace(/`/g, '``')}\``;
}

function toNumber(value: unknown): number {
  return neo4j.isInt(value) ? value.toNumber() : Number(value);
}

/** Streams the rows of `query` into `onRow`, with the driver's backpressure. */
async function stream(driver: Driver, query: string, params: Row, onRow: (row: Row) => Promise<void>): Promise<void> {
  const session = driver.session({ database: 'neo4j', defaultAccessMode: neo4j.session.READ, fetchSize: 5_000 });
  try {
    for await (const record of session.run(query, params)) await onRow(record.toObject());
  } finally {
    await session.close();
  }
}

class Exporter {
  readonly writers = new Map<string, CsvWriter>();
  readonly emptyArrays: Record<string, number> = {};
  /** Limited exports: the ids of the relationships' end nodes, exported with their labels' nodes. */
  readonly endpoints = new Map<string, Set<string>>();

  constructor(
    private readonly driver: Driver,
    private readonly dir: string,
    private readonly schema: GraphSchema,
    private readonly limit: number | null,
    private readonly log: Logger,
  ) {}

  async relationships(type: string): Promise<void> {
    const properties = this.schema.relationshipProperties[type];
    const query = `MATCH (a)-[r:${quote(type)}]->(b)
      WITH a, r, b, labels(a)[0] AS s, labels(b)[0] AS e
      RETURN s, e, a[$identity[s]] AS sid, b[$identity[e]] AS eid, properties(r) AS p${this.limit ? ' LIMIT $limit' : ''}`;
    const params = { identity: this.schema.identity, limit: neo4j.int(this.limit ?? 0) };
    await stream(this.driver, query, params, async ({ s, e, sid, eid, p }) => {
      const [start, end] = [String(s), String(e)];
      const key = `relationships-${type}-${start}-${end}.csv`;
      const writer =
        this.writers.get(key) ??
        this.open(key, [
          `:START_ID(${start})`,
          `:END_ID(${end})`,
          ...properties.map(({ name, headerType }) => `${name}:${headerType}`),
          ':TYPE',
        ]);
      if (this.limit) {
        for (const [label, id] of [
          [start, sid],
          [end, eid],
        ] as const) {
          const ids = this.endpoints.get(label) ?? new Set<string>();
          this.endpoints.set(label, ids.add(String(id)));
        }
      }
      const values = properties.map(({ name }) => csvValue((p as Row)[name], () => this.countEmpty(type, name)));
      await writer.write([String(sid), String(eid), ...values, type]);
    });
  }

  async nodes(label: string): Promise<void> {
    const key = this.schema.identity[label];
    const others = this.schema.nodeProperties[label].filter(({ name }) => name !== key);
    const writer = this.open(`nodes-${label}.csv`, [
      `${key}:ID(${label})`,
      ...others.map(({ name, headerType }) => (headerType === 'string' ? name : `${name}:${headerType}`)),
      ':LABEL',
    ]);
    const write = async ({ p }: Row) => {
      const properties = p as Row;
      const values = others.map(({ name }) => csvValue(properties[name], () => this.countEmpty(label, name)));
      await writer.write([String(properties[key]), ...values, label]);
    };
    const match = `MATCH (n:${quote(label)})`;
    if (!this.limit) return stream(this.driver, `${match} RETURN properties(n) AS p`, {}, write);
    // A smoke test: the end nodes of the exported relationships, then up to `limit` others.
    const ids = [...(this.endpoints.get(label) ?? [])];
    const id = `n.${quote(key)}`;
    await stream(this.driver, `${match} WHERE ${id} IN $ids RETURN properties(n) AS p`, { ids }, write);
    const rest = `${match} WHERE NOT ${id} IN $ids RETURN properties(n) AS p LIMIT $limit`;
    await stream(this.driver, rest, { ids, limit: neo4j.int(this.limit) }, write);
  }

  private open(name: string, header: string[]): CsvWriter {
    const writer = new CsvWriter(path.join(this.dir, name), header);
    this.writers.set(name, writer);
    this.log.debug({ file: name }, 'writing');
    return writer;
  }

  private countEmpty(owner: string, name: string): void {
    const key = `${owner}.${name}`;
    this.emptyArrays[key] = (this.emptyArrays[key] ?? 0) + 1;
  }
}

/** Exports the graph `driver` reaches into `dir` (emptied first); `limit` rows per label and type for a smoke test. */
export async function exportGraphCsv(
  driver: Driver,
  dir: string,
  limit: number | null,
  log: Logger,
): Promise<CsvExport> {
  const started = performance.now();
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const source = await graphCounts(driver);
  const schema = await readSchema(driver);
  const exporter = new Exporter(driver, dir, schema, limit, log);
  // Relationships first: a limited export then adds the nodes they need.
  for (const type of Object.keys(schema.relationshipProperties).sort()) {
    const typeStarted = performance.now();
    await exporter.relationships(type);
    log.info({ type, seconds: seconds(typeStarted) }, 'relationships exported');
  }
  for (const label of Object.keys(schema.nodeProperties).sort()) {
    const labelStarted = performance.now();
    await exporter.nodes(label);
    log.info({ label, seconds: seconds(labelStarted) }, 'nodes exported');
  }
  const files: CsvFile[] = [];
  for (const [name, writer] of [...exporter.writers].sort(([a], [b]) => a.localeCompare(b))) {
    await writer.close();
    files.push({
      file: name,
      kind: name.startsWith('nodes-') ? 'nodes' : 'relationships',
      rows: writer.rows,
      multiline: writer.multiline,
    });
  }
  const written: GraphCounts = { nodes: {}, relationships: 0 };
  for (const { file, kind, rows } of files) {
    if (kind === 'relationships') written.relationships += rows;
    else written.nodes[file.replace(/^nodes-(.*)\.csv$/, '$1')] = rows;
  }
  if (limit === null && !sameCounts(source, written)) {
    throw new Error(`the export is incomplete: source ${JSON.stringify(source)}, written ${JSON.stringify(written)}`);
  }
  const result: CsvExport = {
    limit,
    seconds: seconds(started),
    bytes: files.reduce((sum, { file }) => sum + statSync(path.join(dir, file)).size, 0),
    files,
    source,
    written,
    emptyArrays: exporter.emptyArrays,
  };
  writeFileSync(path.join(dir, MARKER), `${JSON.stringify(result, null, 2)}\n`);
  return result;
}

/** The export already in `dir`, when it is complete (its marker and every file are there). */
export function readCsvExport(dir: string): CsvExport | undefined {
  const marker = path.join(dir, MARKER);
  if (!existsSync(marker)) return undefined;
  const existing = JSON.parse(readFileSync(marker, 'utf8')) as CsvExport;
  return existing.files.every(({ file }) => existsSync(path.join(dir, file))) ? existing : undefined;
}

export function sameCounts(a: GraphCounts, b: GraphCounts): boolean {
  const labels = new Set([...Object.keys(a.nodes), ...Object.keys(b.nodes)]);
  return (
    a.relationships === b.relationships && [...labels].every((label) => (a.nodes[label] ?? 0) === (b.nodes[label] ?? 0))
  );
}

function seconds(since: number): number {
  return Math.round((performance.now() - since) / 100) / 10;
}
