-- A rewrite: every row is written again, with this migration's transaction id, but its values are the rows' own.
ALTER TABLE events ALTER COLUMN id TYPE bigint;
