-- Each document has a data row of its own (the application keeps it so; no constraint says it): the copy inherits
-- that, and the unique index below holds on production's rows.
CREATE TABLE envelope_item (id serial PRIMARY KEY, document_data_id int NOT NULL, title text);
INSERT INTO envelope_item (document_data_id, title) SELECT d.document_data_id, d.title FROM document d;
CREATE UNIQUE INDEX envelope_item_document_data_id_key ON envelope_item (document_data_id);
