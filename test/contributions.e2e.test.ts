/* eslint-disable @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-call -- answers are JSON, checked by the expectations */
import { findArchiveFiles } from '../src/archive/archive-files';
import { importArchive } from '../src/archive/import-archive';
import { Role } from '../src/contributor/contributor.type';
import { newToken, newTokenId, tokenHash } from '../src/contributor/token';
import { TokenStore } from '../src/contributor/token-store.repository';
import { cypher } from '../src/db/cypher';
import { storePaperFacets } from '../src/db/paper-facets';
import type { Neo4jGateway } from '../src/db/gateway';
import { loadSample, openTestGraph, SEED_DIR } from './support/graph';
import { listenHttp, type TestHttpServer } from './support/http';

// Contributions over real HTTP on the sample graph: who may do what, what a submission changes
// (nothing until accepted), what acceptance writes, and that re-imports keep it.
let gateway: Neo4jGateway;
let server: TestHttpServer;
const tokens: Record<string, string> = {};

const DREAMBOOTH = 'personalized-image-generation-on-dreambooth';
const SEED_PAPER = 'an-image-is-worth-one-word-personalizing';
const METRIC = 'Concept Preservation (CP)';

async function token(name: string, role: Role): Promise<string> {
  const value = newToken();
  await new TokenStore(gateway).create(name, role, tokenHash(value), newTokenId());
  return value;
}

beforeAll(async () => {
  const graph = await openTestGraph();
  gateway = graph.gateway;
  await loadSample(gateway);
  server = await listenHttp({ ...graph.config, budget: { ...graph.config.budget, points: 0 } }, gateway);
  tokens.alice = await token('alice', Role.CONTRIBUTOR);
  tokens.carol = await token('carol', Role.CONTRIBUTOR);
  tokens.mod = await token('mod', Role.MODERATOR);
  tokens.mod2 = await token('mod2', Role.MODERATOR);
  tokens.admin = await token('admin', Role.ADMIN);
  tokens.revoked = await token('gone', Role.MODERATOR);
  await new TokenStore(gateway).revoke('gone', null);
  tokens.invalid = `pwc2_${'x'.repeat(43)}`;
});

afterAll(async () => {
  await server?.close();
  await gateway?.close();
});

interface Answer {
  status: number;
  data?: Record<string, any> | null; // eslint-disable-line @typescript-eslint/no-explicit-any
  errors?: { message: string; extensions: { code: string; argument?: string } }[];
}

async function graphql(who: string | null, query: string, variables: Record<string, unknown> = {}): Promise<Answer> {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(who && { authorization: `Bearer ${tokens[who]}` }) },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

const SUBMISSION =
  'id kind state proposed submittedBy { id } reviewedBy { id } result { id modelName provenance { kind sourceUrl submission { id } } }';
const SUBMIT_RESULT = `mutation($input: ResultSubmissionInput!) { submitResult(input: $input) { ${SUBMISSION} } }`;
const REVIEW = `mutation($id: ID!, $decision: ReviewDecision!) { reviewSubmission(id: $id, decision: $decision, comment: "checked") { ${SUBMISSION} } }`;

function resultInput(modelName: string, extra: Record<string, unknown> = {}) {
  return {
    leaderboard: DREAMBOOTH,
    arxivId: 'arXiv:2208.01618v2',
    modelName,
    date: '2024-05-01',
    values: [{ metric: METRIC, value: '0.95' }],
    sourceUrl: 'https://example.org/results',
    ...extra,
  };
}

async function submitted(who: string, modelName: string, extra: Record<string, unknown> = {}) {
  const answer = await graphql(who, SUBMIT_RESULT, { input: resultInput(modelName, extra) });
  expect(answer.errors).toBeUndefined();
  return answer.data!.submitResult as { id: string; state: string; proposed: string };
}

async function entries(): Promise<{ rank: number; result: { modelName: string; provenance: { kind: string } } }[]> {
  const answer = await graphql(
    null,
    `
      query ($id: ID!, $metric: String) {
        leaderboardById(id: $id) {
          entries(metric: $metric, first: 100) {
            nodes {
              rank
              result {
                modelName
                provenance {
                  kind
                }
              }
            }
          }
        }
      }
    `,
    { id: DREAMBOOTH, metric: METRIC },
  );
  if (answer.errors) throw new Error(JSON.stringify(answer.errors));
  return answer.data!.leaderboardById.entries.nodes;
}

const codes = (answer: Answer) => (answer.errors ?? []).map((error) => error.extensions.code);

describe('who may do what', () => {
  const MUTATIONS: Record<string, (submission: string) => [string, Record<string, unknown>]> = {
    submitResult: () => [SUBMIT_RESULT, { input: resultInput('Matrix model') }],
    linkRepository: () => [
      'mutation($input: RepositoryLinkInput!) { linkRepository(input: $input) { id } }',
      { input: { paper: SEED_PAPER, url: 'https://github.com/example/matrix' } },
    ],
    proposeMetricDirection: () => [
      'mutation($input: MetricDirectionInput!) { proposeMetricDirection(input: $input) { id } }',
      { input: { metric: METRIC, direction: 'HIGHER_IS_BETTER', reason: 'a similarity' } },
    ],
    withdrawSubmission: (id) => ['mutation($id: ID!) { withdrawSubmission(id: $id) { id state } }', { id }],
    reviewSubmission: (id) => [REVIEW, { id, decision: 'REJECT' }],
    submissions: () => ['{ submissions { totalCount nodes { submittedBy { id } } } }', {}],
  };
  // What each identity gets for each operation, on a pending submission of alice's.
  const MATRIX: Record<string, Record<string, string>> = {
    anonymous: {
      submitResult: 'UNAUTHENTICATED',
      linkRepository: 'UNAUTHENTICATED',
      proposeMetricDirection: 'UNAUTHENTICATED',
      withdrawSubmission: 'UNAUTHENTICATED',
      reviewSubmission: 'UNAUTHENTICATED',
      submissions: 'UNAUTHENTICATED',
    },
    invalid: {
      submitResult: 'UNAUTHENTICATED',
      linkRepository: 'UNAUTHENTICATED',
      proposeMetricDirection: 'UNAUTHENTICATED',
      withdrawSubmission: 'UNAUTHENTICATED',
      reviewSubmission: 'UNAUTHENTICATED',
      submissions: 'UNAUTHENTICATED',
    },
    revoked: {
      submitResult: 'UNAUTHENTICATED',
      linkRepository: 'UNAUTHENTICATED',
      proposeMetricDirection: 'UNAUTHENTICATED',
      withdrawSubmission: 'UNAUTHENTICATED',
      reviewSubmission: 'UNAUTHENTICATED',
      submissions: 'UNAUTHENTICATED',
    },
    carol: {
      submitResult: 'ok',
      linkRepository: 'ok',
      proposeMetricDirection: 'ok',
      withdrawSubmission: 'FORBIDDEN',
      reviewSubmission: 'FORBIDDEN',
      submissions: 'ok',
    },
    alice: {
      submitResult: 'ok',
      linkRepository: 'ok',
      proposeMetricDirection: 'ok',
      withdrawSubmission: 'ok',
      reviewSubmission: 'FORBIDDEN',
      submissions: 'ok',
    },
    mod: {
      submitResult: 'ok',
      linkRepository: 'ok',
      proposeMetricDirection: 'ok',
      withdrawSubmission: 'FORBIDDEN',
      reviewSubmission: 'ok',
      submissions: 'ok',
    },
    admin: {
      submitResult: 'ok',
      linkRepository: 'ok',
      proposeMetricDirection: 'ok',
      withdrawSubmission: 'FORBIDDEN',
      reviewSubmission: 'ok',
      submissions: 'ok',
    },
  };

  it.each(Object.keys(MATRIX).map((who) => [who]))('%s', async (who) => {
    for (const [operation, expected] of Object.entries(MATRIX[who])) {
      const pending = await submitted('alice', `Pending for ${who} ${operation}`);
      const [query, variables] = MUTATIONS[operation](pending.id);
      const answer = await graphql(who === 'anonymous' ? null : who, query, variables);
      expect([operation, expected === 'ok' ? codes(answer) : codes(answer)[0]]).toEqual([
        operation,
        expected === 'ok' ? [] : expected,
      ]);
      if (expected === 'UNAUTHENTICATED') expect(answer.status).toBe(401);
    }
  });

  it('contributors see their own submissions, moderators every one', async () => {
    await submitted('carol', 'Carol model');
    const own = await graphql('carol', '{ submissions(first: 100) { totalCount nodes { submittedBy { id } } } }');
    expect(
      own.data!.submissions.nodes.every((node: { submittedBy: { id: string } }) => node.submittedBy.id === 'carol'),
    ).toBe(true);
    const all = await graphql(
      'mod',
      '{ submissions(first: 100, state: PENDING) { totalCount nodes { submittedBy { id } } } }',
    );
    expect(all.data!.submissions.totalCount).toBeGreaterThan(own.data!.submissions.totalCount);
  });

  it('a moderator may not review its own submission; an admin may', async () => {
    const byModerator = await submitted('mod', 'Moderator model');
    expect(codes(await graphql('mod', REVIEW, { id: byModerator.id, decision: 'REJECT' }))).toEqual(['FORBIDDEN']);
    const byAdmin = await submitted('admin', 'Admin model');
    expect((await graphql('admin', REVIEW, { id: byAdmin.id, decision: 'REJECT' })).data!.reviewSubmission.state).toBe(
      'REJECTED',
    );
  });

  it('mutations are refused over GET', async () => {
    const query = encodeURIComponent(`mutation { withdrawSubmission(id: "x") { id } }`);
    const response = await fetch(`${server.url}?query=${query}`, {
      headers: { authorization: `Bearer ${tokens.alice}`, 'apollo-require-preflight': 'true' },
    });
    expect(response.status).toBe(405);
  });
});

describe('a result from submission to leaderboard', () => {
  it('is invisible while pending, ranked with its provenance once accepted, kept by a re-import, and not duplicated by a retry', async () => {
    const key = { idempotencyKey: 'dreambooth-2024' };
    const pending = await submitted('alice', 'Community DreamBooth', key);
    expect(pending.state).toBe('PENDING');
    expect(JSON.parse(pending.proposed)).toMatchObject({
      paper: SEED_PAPER,
      values: [{ metric: METRIC, raw: '0.95', value: 0.95 }],
    });
    expect((await entries()).map((entry) => entry.result.modelName)).not.toContain('Community DreamBooth');

    const accepted = await graphql('mod', REVIEW, { id: pending.id, decision: 'ACCEPT' });
    expect(accepted.data!.reviewSubmission).toMatchObject({
      state: 'ACCEPTED',
      reviewedBy: { id: 'mod' },
      result: {
        modelName: 'Community DreamBooth',
        provenance: { kind: 'SUBMISSION', sourceUrl: 'https://example.org/results', submission: { id: pending.id } },
      },
    });
    const ranked = (await entries()).find((entry) => entry.result.modelName === 'Community DreamBooth');
    expect(ranked).toEqual({
      rank: 1,
      result: { modelName: 'Community DreamBooth', provenance: { kind: 'SUBMISSION' } },
    });
    expect((await entries()).filter((entry) => entry.result.provenance.kind === 'ARCHIVE').length).toBeGreaterThan(3);

    await importArchive(gateway, findArchiveFiles([SEED_DIR]));
    expect((await entries()).filter((entry) => entry.result.modelName === 'Community DreamBooth')).toHaveLength(1);

    const retried = await submitted('alice', 'Community DreamBooth', key);
    expect(retried.id).toBe(pending.id);
    expect(retried.state).toBe('ACCEPTED');
    const reused = await graphql('alice', SUBMIT_RESULT, { input: resultInput('Another model', key) });
    expect(codes(reused)).toEqual(['BAD_USER_INPUT']);
    expect(reused.errors![0].message).toMatch(/idempotencyKey.*different input/);
  });

  it('two retries with one key at once make one submission', async () => {
    const key = { idempotencyKey: 'raced-retry' };
    const [first, second] = await Promise.all([
      submitted('carol', 'Raced retry', key),
      submitted('carol', 'Raced retry', key),
    ]);
    expect(second.id).toBe(first.id);
    const [row] = await gateway.query<{ n: number }>(
      cypher('test.retried', "MATCH (s:Submission) WHERE s.proposed CONTAINS 'Raced retry' RETURN count(s) AS n"),
    );
    expect(row.n).toBe(1);
  });

  it('two moderators accepting at once leave one result; accepting again answers it unchanged', async () => {
    const pending = await submitted('alice', 'Raced model');
    const [first, second] = await Promise.all([
      graphql('mod', REVIEW, { id: pending.id, decision: 'ACCEPT' }),
      graphql('mod2', REVIEW, { id: pending.id, decision: 'ACCEPT' }),
    ]);
    expect([first.errors, second.errors]).toEqual([undefined, undefined]);
    expect(first.data!.reviewSubmission.result.id).toBe(second.data!.reviewSubmission.result.id);
    const [row] = await gateway.query<{ results: number; reviews: number }>(
      cypher(
        'test.raced',
        `MATCH (s:Submission {id: $id}) RETURN COUNT { (s)-[:CREATED]->() } AS results, COUNT { (s)<-[:OF_SUBMISSION]-(:Review) } AS reviews`,
      ),
      { id: pending.id },
    );
    expect(row).toEqual({ results: 1, reviews: 1 });
    const again = await graphql('admin', REVIEW, { id: pending.id, decision: 'ACCEPT' });
    expect(again.data!.reviewSubmission).toEqual(first.data!.reviewSubmission);
    expect(codes(await graphql('admin', REVIEW, { id: pending.id, decision: 'REJECT' }))).toEqual(['BAD_USER_INPUT']);
  });
});

describe('code links and directions once accepted', () => {
  it('keep their provenance and survive a re-import', async () => {
    const link = await graphql(
      'alice',
      'mutation($input: RepositoryLinkInput!) { linkRepository(input: $input) { id } }',
      {
        input: {
          paper: SEED_PAPER,
          url: 'https://github.com/Example/Textual-Inversion-Community.git',
          framework: 'JAX',
          isOfficial: false,
        },
      },
    );
    await graphql('mod', REVIEW, { id: link.data!.linkRepository.id, decision: 'ACCEPT' });
    const direction = await graphql(
      'alice',
      'mutation($input: MetricDirectionInput!) { proposeMetricDirection(input: $input) { id } }',
      {
        input: { metric: METRIC, direction: 'LOWER_IS_BETTER', reason: 'testing that a submission wins' },
      },
    );
    await graphql('mod', REVIEW, { id: direction.data!.proposeMetricDirection.id, decision: 'ACCEPT' });

    await importArchive(gateway, findArchiveFiles([SEED_DIR]));
    const paper = await graphql(
      null,
      `
        query ($id: ID!) {
          paper(id: $id) {
            codeLinks {
              framework
              isOfficial
              repository {
                url
              }
              provenance {
                kind
                submission {
                  id
                }
              }
            }
          }
        }
      `,
      { id: SEED_PAPER },
    );
    expect(paper.data!.paper.codeLinks).toContainEqual({
      framework: 'jax',
      isOfficial: false,
      repository: { url: 'https://github.com/Example/Textual-Inversion-Community' },
      provenance: { kind: 'SUBMISSION', submission: { id: link.data!.linkRepository.id } },
    });
    expect(
      paper.data!.paper.codeLinks.filter(
        (codeLink: { provenance: { kind: string } }) => codeLink.provenance.kind === 'ARCHIVE',
      ).length,
    ).toBeGreaterThan(0);
    const metric = await graphql(
      null,
      `
        query ($id: ID!) {
          leaderboardById(id: $id) {
            metrics {
              name
              direction
              directionSource
            }
          }
        }
      `,
      { id: DREAMBOOTH },
    );
    expect(metric.data!.leaderboardById.metrics).toContainEqual({
      name: METRIC,
      direction: 'LOWER_IS_BETTER',
      directionSource: 'SUBMISSION',
    });
  });
});

describe('stored facets of hub lists', () => {
  it('count an accepted code link at once', async () => {
    // With a hub size of 7 the sample's all-papers list is a hub, whose facets are stored.
    await storePaperFacets(gateway, undefined, 7);
    const facets = async () =>
      (await graphql(null, '{ papers { facets { withCode frameworks { value count } } } }')).data!.papers.facets as {
        withCode: number;
        frameworks: { value: string; count: number }[];
      };
    const before = await facets();
    const [paper] = await gateway.query<{ id: string }>(
      cypher(
        'test.paperWithoutCode',
        'MATCH (p:Paper) WHERE NOT EXISTS { (p)-[:HAS_CODE]->() } AND p.title IS NOT NULL RETURN p.id AS id ORDER BY p.id LIMIT 1',
      ),
    );
    const link = await graphql(
      'alice',
      'mutation($input: RepositoryLinkInput!) { linkRepository(input: $input) { id } }',
      {
        input: { paper: paper.id, url: 'https://github.com/example/first-code', framework: 'mxnet' },
      },
    );
    await graphql('mod', REVIEW, { id: link.data!.linkRepository.id, decision: 'ACCEPT' });
    const after = await facets();
    expect(after.withCode).toBe(before.withCode + 1);
    expect(after.frameworks).toContainEqual({ value: 'mxnet', count: 1 });
    const [stored] = await gateway.query<{ withCode: number }>(
      cypher('test.storedAll', "MATCH (f:PaperFacets {key: 'all:'}) RETURN f.withCode AS withCode"),
    );
    expect(stored.withCode).toBe(after.withCode);
    await gateway.write(cypher('test.dropFacets', 'MATCH (f:PaperFacets) DELETE f'));
  });
});

describe('bad input says what to fix and writes nothing', () => {
  it.each([
    ['an unknown leaderboard', { leaderboard: 'no-such-board' }, 'input.leaderboard', /no leaderboard/],
    ['an unknown paper', { arxivId: undefined, paper: 'no-such-paper' }, 'input.paper', /no paper/],
    ['an arXiv id not in the graph', { arxivId: '9999.99999' }, 'input.arxivId', /No paper of the graph/],
    [
      'a metric the leaderboard lacks',
      { values: [{ metric: 'FID', value: '1' }] },
      'input.values[0].metric',
      /not a metric of/,
    ],
    [
      'an unreadable value',
      { values: [{ metric: METRIC, value: 'about half' }] },
      'input.values[0].value',
      /not a number/,
    ],
    ['a URL that is not http(s)', { sourceUrl: 'ftp://example.org/x' }, 'input.sourceUrl', /http\(s\) URL/],
    ['no paper at all', { arxivId: undefined }, 'input.paper', /needs its paper/],
  ])('%s', async (_case, change, argument, message) => {
    const before = await gateway.query<{ n: number }>(
      cypher('test.count', 'MATCH (s:Submission) RETURN count(s) AS n'),
    );
    const answer = await graphql('alice', SUBMIT_RESULT, { input: { ...resultInput('Bad'), ...change } });
    expect(codes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.errors![0].extensions.argument).toBe(argument);
    expect(answer.errors![0].message).toMatch(message);
    expect(await gateway.query(cypher('test.count', 'MATCH (s:Submission) RETURN count(s) AS n'))).toEqual(before);
  });
});
