ALTER TABLE documents ADD COLUMN note text;
