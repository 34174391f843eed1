// The sizes of the lists the API returns without a `first` argument, on the full-size graph:
// mean, median, 95th and 99th percentile and maximum, which src/graphql/cost.ts prices them by.
// Run: npm run bench:degrees (needs the graph of `npm run bench:import`).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import pino from 'pino';
import { cypher } from '../src/db/cypher';
import { benchGateway, benchNeo4j } from './bench-graph';

const log = pino({ level: 'info' });

/** Each list, as the size per parent (`d`) over all its parents. */
const SIZES: Record<string, string> = {
  'Paper.authors': 'MATCH (p:Paper) RETURN COUNT { (p)<-[:AUTHORED]-() } AS d',
  'Paper.tasks': 'MATCH (p:Paper) RETURN COUNT { (p)-[:HAS_TASK]->() } AS d',
  'Paper.methods': 'MATCH (p:Paper) RETURN COUNT { (p)-[:USES_METHOD]->() } AS d',
  'Paper.repositories': 'MATCH (p:Paper) RETURN COUNT { (p)-[:HAS_CODE]->() } AS d',
  'Paper.results': 'MATCH (p:Paper) RETURN COUNT { (p)<-[:FROM_PAPER]-() } AS d',
  'Paper.datasets': `MATCH (p:Paper) RETURN COUNT { (p)<-[:INTRODUCED_IN]-(:Dataset) }
    + COUNT { (p)<-[:FROM_PAPER]-(:Result)-[:ON_LEADERBOARD]->(:Leaderboard)-[:ON_DATASET]->(:Dataset) } AS d`,
  'Task.areas': 'MATCH (t:Task) RETURN COUNT { (t)-[:IN_AREA]->() } AS d',
  'Method.collections': 'MATCH (m:Method) RETURN COUNT { (m)-[:IN_COLLECTION]->() } AS d',
  'Leaderboard.metrics': 'MATCH (l:Leaderboard) RETURN COUNT { (l)-[:MEASURES]->() } AS d',
  'Leaderboard.rows (sotaHistory reads them all)':
    'MATCH (l:Leaderboard) RETURN COUNT { (l)<-[:ON_LEADERBOARD]-() } AS d',
  'Result.values': 'MATCH (r:Result) RETURN COUNT { (r)-[:HAS_VALUE]->() } AS d',
};

async function main() {
  const neo4j = await benchNeo4j(log);
  await neo4j.start();
  const gateway = benchGateway(neo4j.uri, 600_000);
  const results: Record<string, unknown> = {};
  try {
    for (const [name, sizes] of Object.entries(SIZES)) {
      const [row] = await gateway.query(
        cypher(
          'bench.degrees',
          `CALL () { ${sizes} }
           WITH collect(d) AS all, avg(d) AS mean
           UNWIND all AS d
           RETURN mean, percentileDisc(d, 0.5) AS p50, percentileDisc(d, 0.95) AS p95,
                  percentileDisc(d, 0.99) AS p99, max(d) AS max`,
        ),
      );
      results[name] = row;
      log.info({ list: name, ...(row as object) }, 'list size');
    }
  } finally {
    await gateway.close();
    await neo4j.stop();
  }
  const file = path.join(__dirname, 'results', 'list-sizes-576261.json');
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), lists: results }, null, 2)}\n`);
  log.info({ file }, 'written');
}

void main();
