import { createAreaLoaders } from '../area/area.loader';
import { AreaRepository } from '../area/area.repository';
import { createAuthorLoaders } from '../author/author.loader';
import { createDatasetLoaders } from '../dataset/dataset.loader';
import { DatasetCatalogue } from '../dataset/dataset.repository';
import { SYSTEM_TICKET, type Ticket } from '../db/admission';
import { FusedReads } from '../db/fused-reads';
import type { GraphReader, Neo4jGateway, StatementRun } from '../db/gateway';
import { createLeaderboardLoaders } from '../leaderboard/leaderboard.loader';
import { createMethodLoaders } from '../method/method.loader';
import { MethodCatalogue } from '../method/method.repository';
import { createPaperLoaders } from '../paper/paper.loader';
import { createRelatedLoaders } from '../related/related.loader';
import { createCodeLoaders } from '../code/code.loader';
import { createResultLoaders } from '../result/result.loader';
import { createSearchLoaders } from '../search/search.loader';
import { createTaskLoaders } from '../task/task.loader';
import { TaskCatalogue } from '../task/task.repository';
import { CompareRepository } from '../compare/compare.repository';
import { SearchRepository } from '../search/search.repository';
import { LeaderboardCatalogue } from '../leaderboard/leaderboard.repository';
import type { Contributor } from '../contributor/contributor.type';
import { createContributorLoaders } from '../contributor/contributor.loader';
import { SubmissionRepository, SubmissionStore } from '../submission/submission.repository';

/** What one request has done to the database: each Cypher statement it sent, with its time. */
export class RequestStats {
  /** Each statement: its name and text, its time in Neo4j, and how long it waited for admission first. */
  readonly statements: { name: string; text: string; ms: number; waitedMs: number }[] = [];

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
  /** Who the request's API token names; null for an anonymous request. */
  contributor: Contributor | null;
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
  /** The writes mutations make, each its own transaction. */
  writers: { submissions: SubmissionStore };
}

function createLoaders(db: GraphReader) {
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
    ...createContributorLoaders(db),
  };
}

function createRepositories(db: GraphReader) {
  return {
    tasks: new TaskCatalogue(db),
    datasets: new DatasetCatalogue(db),
    methods: new MethodCatalogue(db),
    areas: new AreaRepository(db),
    leaderboards: new LeaderboardCatalogue(db),
    compare: new CompareRepository(db),
    search: new SearchRepository(db),
    submissions: new SubmissionRepository(db),
  };
}

export interface ContextOptions {
  requestId: string;
  /** The client and deadline its statements are admitted on (default: the system's, no deadline). */
  ticket?: Ticket;
  /** Also told of each statement (the server's metrics). */
  onStatement?: (statement: StatementRun, ms: number) => void;
  /** Who the request's token names (default: anonymous). */
  contributor?: Contributor | null;
}

/** A fresh context per request: its own loaders (never shared between requests) and statistics. */
export function createContext(gateway: Neo4jGateway, options: ContextOptions): Context {
  const { requestId, ticket = { ...SYSTEM_TICKET }, onStatement, contributor = null } = options;
  const stats = new RequestStats();
  const onBehalf = gateway.onBehalfOf(ticket).observed((query, ms, waitedMs) => {
    stats.statements.push({ name: query.name, text: query.text, ms, waitedMs });
    onStatement?.(query, ms);
  });
  const db = new FusedReads(
    gateway.onBehalfOf(ticket).observed((query, ms, waitedMs) => {
      stats.statements.push({ name: query.name, text: query.text, ms, waitedMs });
      onStatement?.(query, ms);
    }),
  );
  return {
    requestId,
    contributor,
    ticket,
    stats,
    loaders: createLoaders(db),
    repositories: createRepositories(db),
    writers: { submissions: new SubmissionStore(onBehalf, gateway) },
  };
}
