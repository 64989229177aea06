-- Reports list recent orders. A plain CREATE INDEX holds a ShareLock on orders until the build ends:
-- reads go on, every INSERT, UPDATE and DELETE waits.
-- migrate:up
CREATE INDEX orders_placed_at_idx ON orders (placed_at);

-- migrate:down
DROP INDEX orders_placed_at_idx;
