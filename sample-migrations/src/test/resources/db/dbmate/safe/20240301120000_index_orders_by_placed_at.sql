-- CONCURRENTLY builds the index under a ShareUpdateExclusiveLock, which lets writers through. It cannot run in a
-- transaction, so the section's marker says transaction:false, and the statement stands alone in its section:
-- several statements sent as one query run in one implicit transaction all the same.
-- If the build fails it leaves an INVALID index: drop it with DROP INDEX CONCURRENTLY IF EXISTS before retrying.
-- migrate:up transaction:false
CREATE INDEX CONCURRENTLY orders_placed_at_idx ON orders (placed_at);

-- migrate:down transaction:false
DROP INDEX CONCURRENTLY IF EXISTS orders_placed_at_idx;
