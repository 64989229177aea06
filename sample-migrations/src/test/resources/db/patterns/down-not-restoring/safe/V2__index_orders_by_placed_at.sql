-- Name every object a down migration has to drop.
CREATE INDEX CONCURRENTLY orders_placed_at_idx ON orders (placed_at);
