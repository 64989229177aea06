ALTER TABLE documents ADD COLUMN note text;
UPDATE documents SET note = 'first' WHERE key = 'k1';
DO $$ BEGIN
    UPDATE documents SET note = key;
END $$;
