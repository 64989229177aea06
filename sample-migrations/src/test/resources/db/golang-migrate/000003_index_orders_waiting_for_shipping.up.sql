-- CONCURRENTLY cannot run in a transaction, nor next to other statements in one golang-migrate file
-- (PostgreSQL runs the statements of one query in an implicit transaction): it gets a file of its own.
CREATE INDEX CONCURRENTLY orders_waiting_for_shipping_idx ON orders (placed_at) WHERE shipped_at IS NULL;
