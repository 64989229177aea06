-- CONCURRENTLY builds the index under a ShareUpdateExclusiveLock, which lets writers through. It cannot run in a
-- transaction, so the file says -- +goose NO TRANSACTION and holds nothing else.
-- If the build fails it leaves an INVALID index: drop it with DROP INDEX CONCURRENTLY IF EXISTS before retrying.
-- +goose NO TRANSACTION

-- +goose Up
CREATE INDEX CONCURRENTLY orders_placed_at_idx ON orders (placed_at);

-- +goose Down
DROP INDEX CONCURRENTLY IF EXISTS orders_placed_at_idx;
