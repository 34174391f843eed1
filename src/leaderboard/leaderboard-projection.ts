/** The properties of a leaderboard `l` the API returns (its own module: results embed it too). */
export const LEADERBOARD_PROJECTION = `l { .id, .name,
  taskId: head(COLLECT { MATCH (l)-[:FOR_TASK]->(t:Task) RETURN t.id }),
  datasetId: head(COLLECT { MATCH (l)-[:ON_DATASET]->(d:Dataset) RETURN d.id }),
  resultCount: COUNT { (l)<-[:ON_LEADERBOARD]-() } }`;
