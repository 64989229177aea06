-- A stored generated column cannot change its expression in place: drop it and add it again.
ALTER TABLE documents DROP COLUMN tenant;
ALTER TABLE documents ADD COLUMN tenant text GENERATED ALWAYS AS (lower(doc ->> 'tenant')) STORED;
