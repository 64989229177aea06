-- No U2__add_orders_shipped_at.sql: if this release is rolled back, the schema cannot follow.
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
