CREATE TABLE document_data (id serial PRIMARY KEY, data text);
CREATE TABLE document (id serial PRIMARY KEY, document_data_id int NOT NULL REFERENCES document_data (id), title text);
