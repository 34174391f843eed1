import { createAreaLoaders } from '../area/area.loader';
import { AreaRepository } from '../area/area.repository';
import { createAuthorLoaders } from '../author/author.loader';
import { DATASET_CATALOGUE, type DatasetFilter, type DatasetOrder } from '../dataset/dataset-filter';
import { createDatasetLoaders } from '../dataset/dataset.loader';
import type { Dataset } from '../dataset/dataset.type';
import { SYSTEM_TICKET, type Ticket } from '../db/admission';
import { FusedReads } from '../db/fused-reads';
import type { Db, Neo4jGateway } from '../db/gateway';
import { createLeaderboardLoaders } from '../leaderboard/leaderboard.loader';
import { METHOD_CATALOGUE, type MethodFilter, type MethodOrder } from '../method/method-filter';
import { createMethodLoaders } from '../method/method.loader';
import type { Method } from '../method/method.type';
import { createPaperLoaders } from '../paper/paper.loader';
import { createRelatedLoaders } from '../related/related.loader';
import { createCodeLoaders } from '../code/code.loader';
import { createResultLoaders } from '../result/result.loader';
import { createSearchLoaders } from '../search/search.loader';
import { TASK_CATALOGUE, type TaskFilter, type TaskOrder } from '../task/task-filter';
import { createTaskLoaders } from '../task/task.loader';
import type { Task } from '../task/task.type';
import { CatalogueRepository } from './catalogue';

/** What one request has done to the database: each Cypher statement it sent, with its time. */
export class RequestStats {
  /** Each statement: its name, its time in Neo4j, and how long it waited for admission first. */
  readonly statements: { name: string; ms: number; waitedMs: number }[] = [];

  get queries(): number {
    return this.statements.length;
  }

  get dbMs(): number {
    return this.statements.reduce((sum, statement) => sum + statement.ms, 0);
  }

  get waitedMs(): number {
    return this.statements.reduce((sum, statement) => sum + statement.waitedMs, 0);
  }
}

export type Loaders = ReturnType<typeof createLoaders>;
export type Repositories = ReturnType<typeof createRepositories>;

/** What the request may spend, once its cost is known (see the budget plugin). */
export interface BudgetState {
  /** The budget of a window, in cost points. */
  limit: number;
  remaining: number;
  /** When the window ends and the budget is whole again. */
  resetAt: Date;
}

export interface Context {
  requestId: string;
  /** Who the request is from and until when it may run: every statement it sends is admitted on it. */
  ticket: Ticket;
  /** The operation's estimated cost, once the limits plugin has computed it. */
  cost?: number;
  /** The client's budget after this request was charged (unset when budgets are off). */
  budget?: BudgetState;
  stats: RequestStats;
  /** Per-request DataLoaders for every field below the root. */
  loaders: Loaders;
  /** Reads that only root fields make (lists), once per field. */
  repositories: Repositories;
}

function createLoaders(db: Db) {
  return {
    ...createPaperLoaders(db),
    ...createAuthorLoaders(db),
    ...createTaskLoaders(db),
    ...createAreaLoaders(db),
    ...createDatasetLoaders(db),
    ...createMethodLoaders(db),
    ...createCodeLoaders(db),
    ...createLeaderboardLoaders(db),
    ...createResultLoaders(db),
    ...createRelatedLoaders(db),
    ...createSearchLoaders(db),
  };
}

function createRepositories(db: Db) {
  return {
    tasks: new CatalogueRepository<Task, TaskFilter, TaskOrder>(db, TASK_CATALOGUE),
    datasets: new CatalogueRepository<Dataset, DatasetFilter, DatasetOrder>(db, DATASET_CATALOGUE),
    methods: new CatalogueRepository<Method, MethodFilter, MethodOrder>(db, METHOD_CATALOGUE),
    areas: new AreaRepository(db),
  };
}

export interface ContextOptions {
  requestId: string;
  /** The client and deadline its statements are admitted on (default: the system's, no deadline). */
  ticket?: Ticket;
  /** Also told of each statement (the server's metrics). */
  onStatement?: (name: string, ms: number) => void;
}

/** A fresh context per request: its own loaders (never shared between requests) and statistics. */
export function createContext(gateway: Neo4jGateway, options: ContextOptions): Context {
  const { requestId, ticket = { ...SYSTEM_TICKET }, onStatement } = options;
  const stats = new RequestStats();
  const db = new FusedReads(
    gateway.onBehalfOf(ticket).observed((query, ms, waitedMs) => {
      stats.statements.push({ name: query.name, ms, waitedMs });
      onStatement?.(query.name, ms);
    }),
  );
  return { requestId, ticket, stats, loaders: createLoaders(db), repositories: createRepositories(db) };
}
