import { readStatement, type InputRefs } from '../db/cypher';
import type { GraphReader } from '../db/gateway';
import { readManyPerKey } from '../db/keyed-read';
import {
  anyOf,
  datasetPapers,
  leaderboardPaperCount,
  PAPER_PROJECTION,
  paperDataset,
  reachedBy,
} from '../db/graph-vocabulary';
import type { Paper } from '../paper/paper.type';
import { ReasonKind, type RelatedPaper, type RelationReason } from './related.type';

/**
 * How much each kind of shared link counts before its rarity is applied: a shared author or
 * leaderboard says more than a shared method.
 */
export const KIND_WEIGHTS: Record<ReasonKind, number> = {
  [ReasonKind.SHARED_AUTHOR]: 1,
  [ReasonKind.SAME_LEADERBOARD]: 1,
  [ReasonKind.SHARED_DATASET]: 0.8,
  [ReasonKind.SHARED_TASK]: 0.8,
  [ReasonKind.SHARED_METHOD]: 0.6,
};

/** Papers read through each link while gathering candidates: bounds the work on hub tasks and methods. */
export const FAN_OUT = 100;

/** A task's links of each kind taken into account (its largest subtasks, leaderboards and their datasets). */
export const TASK_LINKS_PER_KIND = 10;

/** What the related-papers statements read: the sources, the list sizes, the fan-out and the weights. */
export interface RelatedInputs {
  ids: readonly string[];
  limit: number;
  shortlist: number;
  fanout: number;
  taskLinks: number;
  weights: Record<ReasonKind, number>;
}

// The papers a link `e` of each kind leads to (at most $fanout of them, so hubs stay cheap).
const candidatesThroughLink = ($: InputRefs<RelatedInputs>) => `
    WITH e, kind WHERE kind = 'SHARED_TASK' MATCH (e)<-[:HAS_TASK]-(c:Paper) RETURN c LIMIT ${$.fanout}
    UNION
    WITH e, kind WHERE kind = 'SHARED_METHOD' MATCH (e)<-[:USES_METHOD]-(c:Paper) RETURN c LIMIT ${$.fanout}
    UNION
    WITH e, kind WHERE kind = 'SHARED_AUTHOR' MATCH (e)-[:AUTHORED]->(c:Paper) RETURN c LIMIT ${$.fanout}
    UNION
    WITH e, kind WHERE kind = 'SAME_LEADERBOARD'
    MATCH (e)<-[:ON_LEADERBOARD]-(:Result)-[:FROM_PAPER]->(c:Paper) RETURN DISTINCT c LIMIT ${$.fanout}
    UNION
    WITH e, kind WHERE kind = 'SHARED_DATASET'
    CALL (e) { ${datasetPapers('e')} }
    RETURN p AS c LIMIT ${$.fanout}`;

// Whether candidate `c` shares link `e`: checked from the candidate's side, which has few links.
const SHARES_LINK = `CASE kind
      WHEN 'SHARED_TASK' THEN EXISTS { (c)-[:HAS_TASK]->(e) }
      WHEN 'SHARED_METHOD' THEN EXISTS { (c)-[:USES_METHOD]->(e) }
      WHEN 'SHARED_AUTHOR' THEN EXISTS { (c)<-[:AUTHORED]-(e) }
      WHEN 'SAME_LEADERBOARD' THEN EXISTS { (c)<-[:FROM_PAPER]-(:Result)-[:ON_LEADERBOARD]->(e) }
      ELSE ${anyOf(paperDataset('c', 'e'))}
    END`;

/**
 * Scores the papers reached from `source` through its links (`kind`, `e`, `degree` = how many
 * papers the link has): each link weighs its kind's weight times ln(N / degree) / ln(N). The
 * candidates are gathered through every link with a capped fan-out and shortlisted by the links
 * that reached them; the shortlist is then scored on all the source's links, so every reason
 * a returned paper has is listed, hubs included.
 */
function relatedStatement(name: string, sourceMatch: string, links: ($: InputRefs<RelatedInputs>) => string) {
  return readStatement<RelatedInputs>(
    name,
    ($) => `
CALL () { MATCH (p:Paper) RETURN count(p) AS papers }
UNWIND ${$.ids} AS id
CALL (id, papers) {
  ${sourceMatch}
  CALL (source) {
    ${links($)}
  }
  WITH source, kind, e, degree,
       ${$.weights}[kind] * log(toFloat(papers) / CASE WHEN degree < 1 THEN 1 ELSE degree END) / log(CASE WHEN papers < 2 THEN 2.0 ELSE toFloat(papers) END) AS weight
  WITH source, kind, e, CASE WHEN weight < 0 THEN 0.0 ELSE weight END AS weight
  ORDER BY weight DESC, kind, e.id
  WITH source, collect({ kind: kind, e: e, weight: weight }) AS links
  CALL (source, links) {
    UNWIND links AS link
    WITH link, link.e AS e, link.kind AS kind
    CALL (e, kind) {
      ${candidatesThroughLink($)}
    }
    WITH c, link WHERE c <> source
    WITH c, sum(link.weight) AS reached
    RETURN c ORDER BY reached DESC, c.id LIMIT ${$.shortlist}
  }
  CALL (c, links) {
    UNWIND links AS link
    WITH c, link, link.e AS e, link.kind AS kind
    WHERE ${SHARES_LINK}
    WITH link, kind, coalesce(e.id, '') AS eid, coalesce(e.name, e.id) AS ename
    ORDER BY link.weight DESC, kind, eid
    WITH collect({ kind: kind, id: eid, name: ename, weight: link.weight }) AS reasons
    // Summed heaviest first, always in the same order, so a score is the same to the last bit on every call.
    RETURN reduce(total = 0.0, reason IN reasons | total + reason.weight) AS score, reasons
  }
  RETURN c, score, reasons ORDER BY score DESC, c.id LIMIT ${$.limit}
}
WITH id, c AS p, score, reasons
RETURN id AS key, { paper: ${PAPER_PROJECTION}, score: score, reasons: reasons } AS value
`,
  );
}

const paperLinks = () => `
    MATCH (source)-[:HAS_TASK]->(e:Task)
    RETURN 'SHARED_TASK' AS kind, e, COUNT { (e)<-[:HAS_TASK]-() } AS degree
    UNION
    MATCH (source)-[:USES_METHOD]->(e:Method)
    RETURN 'SHARED_METHOD' AS kind, e, COUNT { (e)<-[:USES_METHOD]-() } AS degree
    UNION
    MATCH (source)<-[:AUTHORED]-(e:Author)
    RETURN 'SHARED_AUTHOR' AS kind, e, COUNT { (e)-[:AUTHORED]->() } AS degree
    UNION
    MATCH (source)<-[:FROM_PAPER]-(:Result)-[:ON_LEADERBOARD]->(e:Leaderboard)
    WITH DISTINCT e
    RETURN 'SAME_LEADERBOARD' AS kind, e, ${leaderboardPaperCount('e')} AS degree
    UNION
    CALL (source) {
      ${reachedBy(paperDataset('source', 'e:Dataset'), 'e')}
    }
    RETURN 'SHARED_DATASET' AS kind, e, COUNT { ${datasetPapers('e')} } AS degree`;

// A task's links: the task and its largest subtasks, its largest leaderboards and their datasets
// (at most $taskLinks of each kind, so a hub task with hundreds of them stays cheap).
const taskLinks = ($: InputRefs<RelatedInputs>) => `
    WITH source AS e
    RETURN 'SHARED_TASK' AS kind, e, COUNT { (e)<-[:HAS_TASK]-() } AS degree
    UNION
    MATCH (source)<-[:SUBTASK_OF]-(e:Task)
    WITH e, COUNT { (e)<-[:HAS_TASK]-() } AS degree ORDER BY degree DESC, e.id LIMIT ${$.taskLinks}
    RETURN 'SHARED_TASK' AS kind, e, degree
    UNION
    MATCH (source)<-[:FOR_TASK]-(e:Leaderboard)
    WITH e ORDER BY COUNT { (e)<-[:ON_LEADERBOARD]-() } DESC, e.id LIMIT ${$.taskLinks}
    RETURN 'SAME_LEADERBOARD' AS kind, e, ${leaderboardPaperCount('e')} AS degree
    UNION
    MATCH (source)<-[:FOR_TASK]-(l:Leaderboard)
    WITH l ORDER BY COUNT { (l)<-[:ON_LEADERBOARD]-() } DESC, l.id LIMIT ${$.taskLinks}
    MATCH (l)-[:ON_DATASET]->(e:Dataset)
    WITH DISTINCT e
    RETURN 'SHARED_DATASET' AS kind, e, COUNT { ${datasetPapers('e')} } AS degree`;

/** Exported for the benchmark's hand-written queries (bench/limit), which reuse the scoring. */
export const RELATED_TO_PAPERS = relatedStatement('related.ofPapers', 'MATCH (source:Paper {id: id})', paperLinks);
export const RELATED_TO_TASKS = relatedStatement('related.ofTasks', 'MATCH (source:Task {id: id})', taskLinks);

interface RelatedRow {
  paper: Paper;
  score: number;
  reasons: RelationReason[];
}

export class RelatedRepository {
  constructor(private readonly db: GraphReader) {}

  /** Each paper's `limit` most related papers, never itself. */
  ofPapers(paperIds: readonly string[], limit: number): Promise<Map<string, RelatedPaper[]>> {
    return this.related(RELATED_TO_PAPERS, paperIds, limit);
  }

  /** The `limit` papers most related to each task. */
  ofTasks(taskIds: readonly string[], limit: number): Promise<Map<string, RelatedPaper[]>> {
    return this.related(RELATED_TO_TASKS, taskIds, limit);
  }

  private related(query: typeof RELATED_TO_PAPERS, ids: readonly string[], limit: number) {
    return readManyPerKey<RelatedRow>(this.db, query, ids, {
      limit,
      shortlist: limit * 2,
      fanout: FAN_OUT,
      taskLinks: TASK_LINKS_PER_KIND,
      weights: KIND_WEIGHTS,
    });
  }
}
