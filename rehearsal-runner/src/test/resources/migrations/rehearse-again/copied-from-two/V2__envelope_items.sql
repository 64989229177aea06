-- Documenso's 20250918070645_add_envelopes in small: both kinds of owner are copied into one table, whose unique index
-- holds on production's rows because no data row has two owners; and each envelope takes the settings row of its
-- owner, found through one join column or the other, which holds because no settings row has two owners.
CREATE TABLE envelope_item (id serial PRIMARY KEY, document_data_id int NOT NULL, title text);
INSERT INTO envelope_item (document_data_id, title) SELECT d.document_data_id, d.title FROM document d;
INSERT INTO envelope_item (document_data_id, title) SELECT t."template_document_data_id", t.title FROM template AS t;
CREATE UNIQUE INDEX envelope_item_document_data_id_key ON envelope_item (document_data_id);
CREATE TABLE envelope (id serial PRIMARY KEY, document_meta_id int);
INSERT INTO envelope (document_meta_id) SELECT dm.id FROM document d LEFT JOIN document_meta dm ON dm.document_id = d.id;
INSERT INTO envelope (document_meta_id) SELECT dm."id" FROM template t LEFT JOIN document_meta dm ON t.id = dm.template_id;
CREATE UNIQUE INDEX envelope_document_meta_id_key ON envelope (document_meta_id);
