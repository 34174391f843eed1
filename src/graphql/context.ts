import { createAuthorLoaders } from '../author/author.loader';
import type { Db, Neo4jGateway } from '../db/gateway';
import { createPaperLoaders } from '../paper/paper.loader';
import { createTaskLoaders } from '../task/task.loader';

/** What one request has done to the database: the Cypher statements it sent and their time. */
export interface RequestStats {
  queries: number;
  dbMs: number;
}

export type Loaders = ReturnType<typeof createLoaders>;

export interface Context {
  requestId: string;
  stats: RequestStats;
  loaders: Loaders;
}

function createLoaders(db: Db) {
  return { ...createPaperLoaders(db), ...createAuthorLoaders(db), ...createTaskLoaders(db) };
}

/** A fresh context per request: its own loaders (never shared between requests) and statistics. */
export function createContext(gateway: Neo4jGateway, requestId: string): Context {
  const stats: RequestStats = { queries: 0, dbMs: 0 };
  const db = gateway.observed((_query, ms) => {
    stats.queries += 1;
    stats.dbMs += ms;
  });
  return { requestId, stats, loaders: createLoaders(db) };
}
