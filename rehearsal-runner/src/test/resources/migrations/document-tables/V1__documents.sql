-- Document tables: a key, a jsonb document and columns computed from it.
CREATE TABLE documents (
    key    text PRIMARY KEY,
    doc    jsonb NOT NULL,
    tenant text GENERATED ALWAYS AS (doc ->> 'tenant') STORED
);
CREATE INDEX documents_tenant ON documents (tenant);
INSERT INTO documents (key, doc)
SELECT 'k' || i, jsonb_build_object('tenant', 't' || (i % 7), 'kind', 'k' || (i % 3)) FROM generate_series(1, 20000) i;
CREATE TABLE leftovers (id int PRIMARY KEY);
INSERT INTO leftovers SELECT generate_series(1, 20000);
CREATE TABLE links (a int NOT NULL, b int NOT NULL);
INSERT INTO links SELECT i, i % 10 FROM generate_series(1, 20000) i;
