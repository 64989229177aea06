--liquibase formatted sql

-- CONCURRENTLY builds the index under a ShareUpdateExclusiveLock, which lets writers through. It cannot run in a
-- transaction, so the changeSet says runInTransaction:false and holds nothing else.
-- If the build fails it leaves an INVALID index: drop it with DROP INDEX CONCURRENTLY IF EXISTS before retrying.
--changeset shop:index-orders-by-placed-at runInTransaction:false
CREATE INDEX CONCURRENTLY orders_placed_at_idx ON orders (placed_at);
--rollback DROP INDEX CONCURRENTLY IF EXISTS orders_placed_at_idx;
