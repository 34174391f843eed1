import { cypher } from '../src/db/cypher';
import { migrateGraph } from '../src/db/migrations';
import { loadSample, useTestGraph } from './support/graph';
import { testLogger } from './support/test-neo4j';

// A graph imported before the model change: datasets linked to their tasks with HAS_TASK and
// leaderboards without lastSotaAt. Starting the server (or an import) brings it up to date.
const graph = useTestGraph('empty');

const TO_OLD_MODEL = cypher(
  'test.toOldModel',
  `CALL () { MATCH (d:Dataset)-[l:LISTS_TASK]->(t:Task) CREATE (d)-[:HAS_TASK]->(t) DELETE l }
   CALL () { MATCH (l:Leaderboard) REMOVE l.lastSotaAt, l.sotaComputed }`,
);
const STATE = cypher(
  'test.modelState',
  `CALL () { MATCH (:Dataset)-[h:HAS_TASK]->() RETURN count(h) AS datasetHasTask }
   CALL () { MATCH (:Dataset)-[l:LISTS_TASK]->() RETURN count(l) AS listsTask }
   CALL () { MATCH (l:Leaderboard) WHERE l.sotaComputed IS NULL RETURN count(l) AS sotaMissing }
   CALL () { MATCH (l:Leaderboard {id: 'personalized-image-generation-on-dreambooth'}) RETURN toString(l.lastSotaAt) AS dreambooth }
   RETURN datasetHasTask, listsTask, sotaMissing, dreambooth`,
);

describe('migrating a graph of the earlier model', () => {
  it('moves dataset-task links to LISTS_TASK and computes lastSotaAt, in batches, idempotently', async () => {
    await loadSample(graph.gateway);
    const [fresh] = await graph.gateway.query<Record<string, unknown>>(STATE);
    expect(fresh).toMatchObject({ datasetHasTask: 0, sotaMissing: 0 });
    expect(fresh.listsTask).toBeGreaterThan(2);

    await graph.gateway.write(TO_OLD_MODEL);
    const [old] = await graph.gateway.query<Record<string, unknown>>(STATE);
    expect(old).toMatchObject({ datasetHasTask: fresh.listsTask, listsTask: 0, dreambooth: null });

    await migrateGraph(graph.gateway, testLogger, 2); // batches of 2: several transactions each
    const [migrated] = await graph.gateway.query<Record<string, unknown>>(STATE);
    expect(migrated).toEqual(fresh);

    await migrateGraph(graph.gateway, testLogger);
    expect((await graph.gateway.query<Record<string, unknown>>(STATE))[0]).toEqual(fresh);
  });
});
