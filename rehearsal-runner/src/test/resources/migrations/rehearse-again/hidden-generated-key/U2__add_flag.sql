ALTER TABLE documents DROP COLUMN flagged;
