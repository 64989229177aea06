CREATE TABLE versions (id uuid PRIMARY KEY, created_at timestamp NOT NULL);
