CREATE TABLE document_data (id serial PRIMARY KEY, data text);
-- As in Documenso: documents and templates each own a data row (unique keys), and never share one (the application
-- keeps it so; no constraint says it).
CREATE TABLE document (id serial PRIMARY KEY, document_data_id int NOT NULL UNIQUE REFERENCES document_data (id),
    title text);
CREATE TABLE template (id serial PRIMARY KEY, template_document_data_id int NOT NULL UNIQUE REFERENCES document_data (id),
    title text);
-- Settings of a document or of a template: one owner per row (the application's rule again).
CREATE TABLE document_meta (id serial PRIMARY KEY, document_id int UNIQUE REFERENCES document (id),
    template_id int UNIQUE REFERENCES template (id));
