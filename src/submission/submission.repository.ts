import { cypher, readStatement } from '../db/cypher';
import type { GraphReader, GraphWriter, WriteTx } from '../db/gateway';
import { readOnePerKey } from '../db/keyed-read';
import type { KeysetAfter, KeysetRow, SortSpec } from '../db/keyset';
import { countStatement, pageStatement, readCounts, readPages, sortedPage, whereClause } from '../db/keyset-list';
import { LEADERBOARD_LAST_SOTA } from '../db/migrations';
import { isConstraintViolation } from '../db/neo4j-errors';
import { refreshPaperFacetsOf } from '../db/paper-facets';
import type { Submission, SubmissionState } from './submission.type';

/** What the API reads of a submission `s`. */
const SUBMISSION_PROJECTION = `s { .id, .kind, .state, .proposed, .leaderboardId, .paperId, .comment,
  submittedAt: toString(s.submittedAt), reviewedAt: toString(s.reviewedAt),
  submittedById: head(COLLECT { MATCH (s)-[:SUBMITTED_BY]->(c:Contributor) RETURN c.id }),
  reviewedById: head(COLLECT { MATCH (s)-[:REVIEWED_BY]->(c:Contributor) RETURN c.id }),
  resultId: head(COLLECT { MATCH (s)-[:CREATED]->(r:Result) RETURN r.id }) }`;

/** Newest first: the only order of `submissions`. */
export const SUBMISSION_ORDER: SortSpec = { key: 's.submittedAt.epochMillis', direction: 'DESC', keyType: 'integer' };

/** Whom a list shows: every submission (moderators), or one contributor's; of one state or all. */
export interface SubmissionFilter {
  state: string | null;
  submittedBy: string | null;
}

/** The list's conditions over `s`, reading the filter input `filter`. */
function listConditions(filter: string): string[] {
  return [
    `(${filter}.state IS NULL OR s.state = ${filter}.state)`,
    `(${filter}.submittedBy IS NULL OR EXISTS { (s)-[:SUBMITTED_BY]->(:Contributor {id: ${filter}.submittedBy}) })`,
  ];
}

const PAGE = pageStatement('submission.page', 'all', SUBMISSION_PROJECTION, ($) =>
  sortedPage($, 'MATCH (s:Submission)', 's', listConditions($.filter), SUBMISSION_ORDER),
);

const COUNT = countStatement(
  'submission.count',
  'all',
  ($) => `MATCH (s:Submission)\n  ${whereClause('s', listConditions($.filter))}\n  RETURN count(s) AS total`,
);

const BY_IDS = readStatement(
  'submission.byIds',
  ($) => `
UNWIND ${$.ids} AS id
MATCH (s:Submission {id: id})
RETURN id AS key, ${SUBMISSION_PROJECTION} AS value`,
);

/** What a submission's input is checked against: the leaderboard's metrics and the paper, if found. */
export interface SubmissionTargets {
  leaderboardFound: boolean;
  metrics: string[];
  paperId: string | null;
  metricFound: boolean;
}

const TARGETS = cypher(
  'submission.targets',
  `
RETURN EXISTS { (:Leaderboard {id: $leaderboard}) } AS leaderboardFound,
  COLLECT { MATCH (:Leaderboard {id: $leaderboard})-[m:MEASURES]->(x:Metric) RETURN x.name ORDER BY m.position } AS metrics,
  head(CASE WHEN $paper IS NOT NULL THEN COLLECT { MATCH (p:Paper {id: $paper}) RETURN p.id }
    ELSE COLLECT { MATCH (p:Paper {arxivId: $arxivKey}) RETURN p.id ORDER BY p.id } END) AS paperId,
  EXISTS { (:Metric {name: $metric}) } AS metricFound`,
);

const BY_IDEMPOTENCY = cypher(
  'submission.byIdempotency',
  `MATCH (s:Submission {idempotency: $idempotency}) RETURN s.id AS id, s.proposed AS proposed`,
);

const CREATE = cypher(
  'submission.create',
  `
MATCH (c:Contributor {id: $contributor})
CREATE (s:Submission {id: $id, kind: $kind, state: 'PENDING', proposed: $proposed, submittedAt: datetime(),
  idempotency: $idempotency, leaderboardId: $leaderboardId, paperId: $paperId})
CREATE (s)-[:SUBMITTED_BY]->(c)
RETURN s.id AS id`,
);

/** Takes the submission's write lock first, so that concurrent reviews of it run one after the other. */
const LOCK = cypher(
  'submission.lock',
  `
MATCH (s:Submission {id: $id})
SET s.locked = true
REMOVE s.locked
RETURN s.state AS state, s.kind AS kind, s.proposed AS proposed,
  head(COLLECT { MATCH (s)-[:SUBMITTED_BY]->(c:Contributor) RETURN c.id }) AS submittedBy`,
);

const DECIDE = cypher(
  'submission.decide',
  `
MATCH (s:Submission {id: $id}), (c:Contributor {id: $reviewer})
SET s.state = $state, s.reviewedAt = datetime(), s.comment = $comment
MERGE (s)-[:REVIEWED_BY]->(c)
CREATE (review:Review {decision: $decision, comment: $comment, at: s.reviewedAt})
CREATE (review)-[:OF_SUBMISSION]->(s)
CREATE (review)-[:BY]->(c)`,
);

const WITHDRAW = cypher('submission.withdraw', `MATCH (s:Submission {id: $id}) SET s.state = 'WITHDRAWN'`);

/**
 * An accepted result: a Result like the archive's, on the leaderboard and from the paper, with
 * its values, created by the submission (its provenance). Its id is derived from the submission's,
 * and Result.id is unique, so a submission can never create two.
 */
const ACCEPT_RESULT = cypher(
  'submission.acceptResult',
  `
MATCH (s:Submission {id: $id}), (l:Leaderboard {id: $input.leaderboard}), (p:Paper {id: $input.paper})
CREATE (r:Result {id: 'submission-' + s.id, modelName: $input.modelName,
  date: CASE WHEN $input.date IS NULL THEN p.publishedAt ELSE date($input.date) END,
  usesAdditionalData: $input.usesAdditionalData, codeLinks: $input.codeLinks, paperTitle: p.title,
  sourceUrl: $input.sourceUrl})
CREATE (s)-[:CREATED]->(r)
CREATE (r)-[:ON_LEADERBOARD]->(l)
CREATE (r)-[:FROM_PAPER {matchedBy: 'submission'}]->(p)
WITH r, l
REMOVE l.sotaComputed
WITH r
UNWIND $input.values AS value
MATCH (x:Metric {name: value.metric})
CREATE (r)-[:HAS_VALUE {raw: value.raw, value: value.value}]->(x)`,
);

/** An accepted code link; a link the graph already has (from the archive) is left as it is. */
const ACCEPT_LINK = cypher(
  'submission.acceptLink',
  `
MATCH (s:Submission {id: $id}), (p:Paper {id: $input.paper})
MERGE (repo:Repository {url: $input.url})
  ON CREATE SET repo.owner = $input.owner, repo.name = $input.name
MERGE (p)-[c:HAS_CODE]->(repo)
  ON CREATE SET c.isOfficial = $input.isOfficial, c.framework = $input.framework,
    c.mentionedInPaper = false, c.mentionedInGithub = false, c.submission = s.id
CREATE (s)-[:LINKED]->(repo)`,
);

/** An accepted direction: it wins over the overrides file and the rules, also at the next import. */
const ACCEPT_DIRECTION = cypher(
  'submission.acceptDirection',
  `
MATCH (s:Submission {id: $id}), (x:Metric {name: $input.metric})
SET x.direction = $input.direction, x.directionSource = 'submission', x.directionSubmission = s.id
WITH x
MATCH (l:Leaderboard)-[:MEASURES]->(x)
REMOVE l.sotaComputed`,
);

const ACCEPTED_WRITE: Record<string, typeof ACCEPT_RESULT> = {
  RESULT: ACCEPT_RESULT,
  REPOSITORY_LINK: ACCEPT_LINK,
  METRIC_DIRECTION: ACCEPT_DIRECTION,
};

/** A submission as its review reads it, under its lock. */
export interface LockedSubmission {
  state: SubmissionState;
  kind: string;
  proposed: string;
  submittedBy: string;
}

export class SubmissionRepository {
  constructor(private readonly db: GraphReader) {}

  byIds(ids: readonly string[]): Promise<Map<string, Submission>> {
    return readOnePerKey(this.db, BY_IDS, ids);
  }

  page(filter: SubmissionFilter, limit: number, after: KeysetAfter | null): Promise<KeysetRow<Submission>[]> {
    return readPages<Submission>(this.db, PAGE, {
      requests: [{ key: 'list', scope: null, after }],
      filter,
      limit,
    }).then((pages) => pages.get('list') ?? []);
  }

  count(filter: SubmissionFilter): Promise<number> {
    return readCounts(this.db, COUNT, { requests: [{ key: 'list', scope: null }], filter }).then(
      (counts) => counts.get('list') ?? 0,
    );
  }
}

/**
 * The writes of contributions: submitting, withdrawing and reviewing, each one transaction, on
 * the request's behalf (`db`). What follows an accept and may take long on a large graph (the
 * derived leaderboard dates and hub facets) runs as the system (`maintenance`, no request deadline).
 */
export class SubmissionStore {
  constructor(
    private readonly db: GraphWriter,
    private readonly maintenance: GraphWriter,
  ) {}

  async targets(input: {
    leaderboard?: string | null;
    paper?: string | null;
    arxivKey?: string | null;
    metric?: string | null;
  }) {
    const [row] = await this.db.query<SubmissionTargets>(TARGETS, {
      leaderboard: input.leaderboard ?? null,
      paper: input.paper ?? null,
      arxivKey: input.arxivKey ?? null,
      metric: input.metric ?? null,
    });
    return row;
  }

  /**
   * Creates a pending submission, or answers the one created before with the same idempotency
   * key: `{ id }`, or `{ conflict }` when that key was used for another input.
   */
  async create(submission: {
    id: string;
    kind: string;
    contributor: string;
    proposed: string;
    idempotency: string | null;
    leaderboardId: string | null;
    paperId: string | null;
  }): Promise<{ id: string; conflict?: boolean }> {
    const earlier = async (tx: WriteTx) => {
      if (submission.idempotency === null) return null;
      const [row] = await tx.run<{ id: string; proposed: string }>(BY_IDEMPOTENCY, {
        idempotency: submission.idempotency,
      });
      return row ? { id: row.id, conflict: row.proposed !== submission.proposed } : null;
    };
    try {
      return await this.db.writeTransaction(async (tx) => {
        const found = await earlier(tx);
        if (found) return found;
        await tx.run(CREATE, submission);
        return { id: submission.id };
      });
    } catch (error) {
      // A retry that raced the first request: the uniqueness of the key let one create; answer it.
      if (submission.idempotency === null || !isConstraintViolation(error)) throw error;
      const found = await this.db.writeTransaction(earlier);
      if (!found) throw error;
      return found;
    }
  }

  withdraw(id: string): Promise<unknown> {
    return this.db.write(WITHDRAW, { id });
  }

  /**
   * Reviews a submission in one transaction: takes its lock, lets `check` refuse it as it stands
   * then (returning false when nothing is to be written: e.g. already accepted), and writes the
   * decision with, for an accept, what the submission proposes (`input`).
   */
  async review(
    id: string,
    check: (locked: LockedSubmission) => boolean,
    decision: { decision: string; state: string; reviewer: string; comment: string | null; input: unknown },
  ): Promise<void> {
    const accepted = await this.db.writeTransaction(async (tx) => {
      const [locked] = await tx.run<LockedSubmission>(LOCK, { id });
      if (!check(locked)) return null;
      if (decision.state === 'ACCEPTED') await tx.run(ACCEPTED_WRITE[locked.kind], { id, input: decision.input });
      await tx.run(DECIDE, { id, ...decision });
      return decision.state === 'ACCEPTED' ? locked.kind : null;
    });
    if (accepted === null) return;
    // The leaderboards whose best may have moved get their lastSotaAt again (marker-based, idempotent).
    await this.maintenance.write(LEADERBOARD_LAST_SOTA.batch, { batch: 100_000 });
    // A new code link or result changes the paper's code or datasets: its hub scopes' stored facets.
    const { paper } = decision.input as { paper?: string };
    if (paper && accepted !== 'METRIC_DIRECTION') await refreshPaperFacetsOf(this.maintenance, paper);
  }
}
