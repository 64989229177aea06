-- Expand: a nullable column, filled for new rows by its default.
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN channel text;
ALTER TABLE orders ALTER COLUMN channel SET DEFAULT 'web';
