-- The new version of the application stops writing notes.
ALTER TABLE orders ALTER COLUMN note DROP NOT NULL;
