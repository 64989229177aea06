CREATE TABLE items (id bigint PRIMARY KEY);
CREATE TABLE communities (id bigint PRIMARY KEY, intro text);
CREATE TABLE metadata (resource_id bigint NOT NULL REFERENCES items (id), kind integer NOT NULL, body text);
INSERT INTO communities VALUES (7, 'Physics');
