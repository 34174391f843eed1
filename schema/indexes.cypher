// Lookups the importer and the API make by something other than an identity.
// Tasks are referenced by name in the papers file.
CREATE INDEX task_name IF NOT EXISTS FOR (n:Task) ON (n.name);
