// Identity of every node (schema/MODEL.md): a uniqueness constraint each, which also serves as
// the lookup index the importer's MERGEs and the API's loaders use.
// Applied at every start; IF NOT EXISTS makes that idempotent.
CREATE CONSTRAINT paper_id IF NOT EXISTS FOR (n:Paper) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT author_id IF NOT EXISTS FOR (n:Author) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT task_id IF NOT EXISTS FOR (n:Task) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT area_id IF NOT EXISTS FOR (n:Area) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (n:Dataset) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT method_id IF NOT EXISTS FOR (n:Method) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT method_collection_id IF NOT EXISTS FOR (n:MethodCollection) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT repository_url IF NOT EXISTS FOR (n:Repository) REQUIRE n.url IS UNIQUE;
CREATE CONSTRAINT leaderboard_id IF NOT EXISTS FOR (n:Leaderboard) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT metric_name IF NOT EXISTS FOR (n:Metric) REQUIRE n.name IS UNIQUE;
CREATE CONSTRAINT result_id IF NOT EXISTS FOR (n:Result) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT paper_facets_key IF NOT EXISTS FOR (n:PaperFacets) REQUIRE n.key IS UNIQUE;
CREATE CONSTRAINT submission_id IF NOT EXISTS FOR (n:Submission) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT submission_idempotency IF NOT EXISTS FOR (n:Submission) REQUIRE n.idempotency IS UNIQUE;
CREATE CONSTRAINT contributor_id IF NOT EXISTS FOR (n:Contributor) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT api_token_hash IF NOT EXISTS FOR (n:ApiToken) REQUIRE n.hash IS UNIQUE;
