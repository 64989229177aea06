CREATE TABLE documents (id bigint PRIMARY KEY, title text);
CREATE TABLE document_data (id bigint PRIMARY KEY, document_id bigint UNIQUE, body text);
