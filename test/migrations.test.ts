import { cypher } from '../src/db/cypher';
import { migrateGraph } from '../src/db/migrations';
import { updateNameKeys } from '../src/db/name-keys';
import { loadSample, useTestGraph } from './support/graph';
import { testLogger } from './support/test-neo4j';

// A graph imported before the model change: datasets linked to their tasks with HAS_TASK and
// leaderboards without lastSotaAt or names without their keys. Starting the server (or an import) brings it up to date.
const graph = useTestGraph('empty');

const TO_OLD_MODEL = cypher(
  'test.toOldModel',
  `CALL () { MATCH (d:Dataset)-[l:LISTS_TASK]->(t:Task) CREATE (d)-[:HAS_TASK]->(t) DELETE l }
   CALL () { MATCH (l:Leaderboard) REMOVE l.lastSotaAt, l.sotaComputed }
   CALL () { MATCH (n:Author|Task|Dataset|Method) REMOVE n.nameKey }`,
);
const STATE = cypher(
  'test.modelState',
  `CALL () { MATCH (:Dataset)-[h:HAS_TASK]->() RETURN count(h) AS datasetHasTask }
   CALL () { MATCH (:Dataset)-[l:LISTS_TASK]->() RETURN count(l) AS listsTask }
   CALL () { MATCH (l:Leaderboard) WHERE l.sotaComputed IS NULL RETURN count(l) AS sotaMissing }
   CALL () { MATCH (l:Leaderboard {id: 'personalized-image-generation-on-dreambooth'}) RETURN toString(l.lastSotaAt) AS dreambooth }
   CALL () { MATCH (n:Author|Task|Dataset|Method) WHERE n.nameKey IS NULL RETURN count(n) AS nameKeysMissing }
   CALL () { MATCH (t:Task {id: 'text-to-image-generation'}) RETURN t.nameKey AS taskKey }
   RETURN datasetHasTask, listsTask, sotaMissing, dreambooth, nameKeysMissing, taskKey`,
);

describe('migrating a graph of the earlier model', () => {
  it('moves dataset-task links to LISTS_TASK and computes lastSotaAt, in batches, idempotently', async () => {
    await loadSample(graph.gateway);
    const [fresh] = await graph.gateway.query<Record<string, unknown>>(STATE);
    expect(fresh).toMatchObject({
      datasetHasTask: 0,
      sotaMissing: 0,
      nameKeysMissing: 0,
      taskKey: 'text to image generation',
    });
    expect(fresh.listsTask).toBeGreaterThan(2);

    await graph.gateway.write(TO_OLD_MODEL);
    const [old] = await graph.gateway.query<Record<string, unknown>>(STATE);
    expect(old).toMatchObject({ datasetHasTask: fresh.listsTask, listsTask: 0, dreambooth: null, taskKey: null });
    expect(old.nameKeysMissing).toBeGreaterThan(100);

    await migrateGraph(graph.gateway, testLogger, 2); // batches of 2: several transactions each
    const [migrated] = await graph.gateway.query<Record<string, unknown>>(STATE);
    expect(migrated).toEqual(fresh);

    await migrateGraph(graph.gateway, testLogger);
    expect((await graph.gateway.query<Record<string, unknown>>(STATE))[0]).toEqual(fresh);
  });
});

describe('name keys', () => {
  const RENAME = cypher('test.renameTask', `MATCH (t:Task {id: 'image-classification'}) SET t.name = $name`);
  const KEY = cypher('test.taskKey', `MATCH (t:Task {id: 'image-classification'}) RETURN t.nameKey AS key`);

  it('follow a renamed node when the importer recomputes them, and only those change', async () => {
    await loadSample(graph.gateway);
    await graph.gateway.write(RENAME, { name: 'Image Classification (Élite)' });
    expect(await updateNameKeys(graph.gateway, testLogger, 3)).toBe(1);
    expect(await graph.gateway.query(KEY)).toEqual([{ key: 'image classification elite' }]);
    expect(await updateNameKeys(graph.gateway, testLogger)).toBe(0);
  });
});
