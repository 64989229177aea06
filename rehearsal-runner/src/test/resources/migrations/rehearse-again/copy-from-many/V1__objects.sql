CREATE TABLE items (id uuid PRIMARY KEY, title text);
CREATE TABLE communities (id uuid PRIMARY KEY, name text);
CREATE TABLE collections (id uuid PRIMARY KEY, name text);
CREATE TABLE bundles (id uuid PRIMARY KEY, name text);
CREATE TABLE metadata (resource_id uuid NOT NULL REFERENCES items (id), kind integer NOT NULL, body text);
