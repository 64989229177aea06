-- A data migration: in production document_data is new and empty, and every document gets its row. Rehearsal's
-- generated document_data rows already use document ids the copy inserts (23505).
INSERT INTO document_data (id, document_id, body) SELECT id + 1000000000, id, title FROM documents;
