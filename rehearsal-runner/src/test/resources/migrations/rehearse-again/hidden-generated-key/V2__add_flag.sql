-- The key is read through a function call, which Rehearsal does not read ahead: generated bodies may lack a true
-- flag, and the NOT NULL generated column rejects those rows.
ALTER TABLE documents
    ADD COLUMN flagged text NOT NULL GENERATED ALWAYS AS (nullif(jsonb_extract_path_text(body, 'flag'), 'false')) STORED;
