// Lookups by something other than an identity.
// Leaderboard rows reach their paper by arXiv id, URL or normalised title (schema/MODEL.md).
CREATE INDEX paper_arxiv_id IF NOT EXISTS FOR (n:Paper) ON (n.arxivId);
CREATE INDEX paper_url_key IF NOT EXISTS FOR (n:Paper) ON (n.urlKey);
CREATE INDEX paper_title_key IF NOT EXISTS FOR (n:Paper) ON (n.titleKey);
// Papers by date (lists ordered by publication, year filters).
CREATE INDEX paper_published_at IF NOT EXISTS FOR (n:Paper) ON (n.publishedAt);
// Tasks are referenced by name in the papers and evaluation-tables files.
CREATE INDEX task_name IF NOT EXISTS FOR (n:Task) ON (n.name);
CREATE INDEX result_model_name IF NOT EXISTS FOR (n:Result) ON (n.modelName);
// paperByUrl: a stored PDF URL.
CREATE INDEX paper_url_pdf IF NOT EXISTS FOR (n:Paper) ON (n.urlPdf);
// Loose name keys (src/db/name-keys.ts): exact-name ranking in searchResults, prefix seeks in suggest.
CREATE INDEX author_name_key IF NOT EXISTS FOR (n:Author) ON (n.nameKey);
CREATE INDEX task_name_key IF NOT EXISTS FOR (n:Task) ON (n.nameKey);
CREATE INDEX dataset_name_key IF NOT EXISTS FOR (n:Dataset) ON (n.nameKey);
CREATE INDEX method_name_key IF NOT EXISTS FOR (n:Method) ON (n.nameKey);
