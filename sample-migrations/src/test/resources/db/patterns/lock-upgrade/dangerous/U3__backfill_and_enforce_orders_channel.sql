-- The backfilled values are harmless to keep.
ALTER TABLE orders ALTER COLUMN channel DROP NOT NULL;
