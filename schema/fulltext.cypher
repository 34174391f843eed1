// Full-text indexes behind the API's search (user text is escaped before it reaches Lucene).
CREATE FULLTEXT INDEX paper_text IF NOT EXISTS FOR (n:Paper) ON EACH [n.title, n.abstract];
CREATE FULLTEXT INDEX author_name IF NOT EXISTS FOR (n:Author) ON EACH [n.name];
CREATE FULLTEXT INDEX task_text IF NOT EXISTS FOR (n:Task) ON EACH [n.name, n.description];
CREATE FULLTEXT INDEX dataset_text IF NOT EXISTS FOR (n:Dataset) ON EACH [n.name, n.fullName, n.description];
CREATE FULLTEXT INDEX method_text IF NOT EXISTS FOR (n:Method) ON EACH [n.name, n.fullName, n.description];
