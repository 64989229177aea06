-- The concurrent build alone, with executeInTransaction=false in V3__index_orders_by_state.sql.conf.
CREATE INDEX CONCURRENTLY orders_state_idx ON orders (state);
