-- The dashboard filters by status. Without CONCURRENTLY the build holds a SHARE lock on orders: every insert
-- and update of an order waits until the index is built.
CREATE INDEX orders_status_idx ON orders (status);
