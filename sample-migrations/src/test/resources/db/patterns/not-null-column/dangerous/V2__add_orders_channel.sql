-- Every order must say where it was placed. NOT NULL without a default fails on a table with rows:
-- the existing rows would hold NULL.
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN channel text NOT NULL;
