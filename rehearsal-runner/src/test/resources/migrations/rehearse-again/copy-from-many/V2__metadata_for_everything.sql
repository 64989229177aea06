-- DSpace's V5.0_2014.09.26 in small: metadata of three kinds of objects copied into one table whose foreign key an
-- earlier step of production dropped. Each copy meets the generated rows of another table: three attempts fail, each
-- at a statement and table of its own, before the step passes on the emptied ones.
INSERT INTO metadata (resource_id, kind, body) SELECT id, 4, name FROM communities WHERE name IS NOT NULL;
INSERT INTO metadata (resource_id, kind, body) SELECT id, 3, name FROM collections WHERE name IS NOT NULL;
INSERT INTO metadata (resource_id, kind, body) SELECT id, 1, name FROM bundles WHERE name IS NOT NULL;
