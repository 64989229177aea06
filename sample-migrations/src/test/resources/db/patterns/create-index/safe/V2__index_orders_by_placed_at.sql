-- CONCURRENTLY builds the index under a ShareUpdateExclusiveLock, which lets writers through. It cannot run in a
-- transaction, so the script says so in V2__index_orders_by_placed_at.sql.conf and holds nothing else.
-- If the build fails it leaves an INVALID index: drop it with DROP INDEX CONCURRENTLY IF EXISTS before retrying.
CREATE INDEX CONCURRENTLY orders_placed_at_idx ON orders (placed_at);
