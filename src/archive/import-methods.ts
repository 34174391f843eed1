import { cypher } from '../db/cypher';
import { catalogueIdentity } from '../model/keys';
import { introducingPaper, linkIntroducingPaper, type IntroducingPaper } from './introducing-paper';
import { importRows, type FileImport } from './records';
import type { FileReport } from './report';
import { slugify } from '../model/slug';
import { text } from '../model/values';

export interface MethodRow {
  id: string;
  name: string;
  fullName: string | null;
  description: string | null;
  introducedYear: number | null;
  collections: { id: string; name: string; areaId: string | null; areaName: string | null }[];
  paper: IntroducingPaper | null;
}

/** The archive's stand-in for an unknown year when no paper introduces the method. */
const PLACEHOLDER_YEAR = 2000;

const MERGE_METHODS = cypher(
  'import.mergeMethods',
  `
UNWIND $rows AS row
MERGE (m:Method {id: row.id})
SET m.name = row.name, m.fullName = row.fullName, m.description = row.description, m.introducedYear = row.introducedYear
WITH m, row
CALL (m, row) {
  MATCH (m)-[i:IN_COLLECTION]->(c:MethodCollection) WHERE NOT c.id IN [x IN row.collections | x.id] DELETE i
}
CALL (m, row) {
  UNWIND row.collections AS collection
  MERGE (c:MethodCollection {id: collection.id}) ON CREATE SET c.name = collection.name
  MERGE (m)-[:IN_COLLECTION]->(c)
  WITH c, collection WHERE collection.areaId IS NOT NULL
  MERGE (a:Area {id: collection.areaId}) ON CREATE SET a.name = collection.areaName
  MERGE (c)-[:IN_AREA]->(a)
}
` + linkIntroducingPaper('m'),
);

export function readMethod(record: Record<string, unknown>, report: FileReport, label: string): MethodRow | null {
  const identity = catalogueIdentity(record, 'method');
  if (!identity) {
    report.skip('method without url or name', label);
    return null;
  }
  const { id, name } = identity;
  const paper = introducingPaper(record);
  let introducedYear = typeof record.introduced_year === 'number' ? record.introduced_year : null;
  if (introducedYear === PLACEHOLDER_YEAR && !paper) {
    introducedYear = null;
    report.repair('placeholder year 2000 dropped', label);
  }
  const collections = new Map<string, MethodRow['collections'][number]>();
  for (const entry of Array.isArray(record.collections) ? record.collections : []) {
    const collection = entry as Record<string, unknown> | null;
    const collectionName = text(collection?.collection);
    if (!collectionName) continue;
    const areaName = text(collection?.area);
    collections.set(slugify(collectionName), {
      id: slugify(collectionName),
      name: collectionName,
      areaId: text(collection?.area_id) ?? (areaName ? slugify(areaName) : null),
      areaName,
    });
  }
  return {
    id,
    name,
    fullName: text(record.full_name),
    description: text(record.description),
    introducedYear,
    collections: [...collections.values()],
    paper,
  };
}

export function importMethods(context: FileImport): Promise<void> {
  return importRows(context, {
    concurrency: 1,
    labelFields: ['url', 'name'],
    read: (record, label) => readMethod(record, context.report, label),
    write: async (rows) => {
      await context.db.write(MERGE_METHODS, { rows });
    },
  });
}
