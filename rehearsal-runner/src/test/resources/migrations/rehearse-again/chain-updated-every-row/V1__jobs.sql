-- Fineract's jobs: the chain ships two of them
CREATE TABLE job (id bigint PRIMARY KEY, name text NOT NULL, is_active boolean NOT NULL DEFAULT true);
INSERT INTO job (id, name) VALUES (-1, 'Post Interest'), (-2, 'Close Accounts');
