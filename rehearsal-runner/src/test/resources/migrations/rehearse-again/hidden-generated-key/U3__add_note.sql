ALTER TABLE documents DROP COLUMN note;
