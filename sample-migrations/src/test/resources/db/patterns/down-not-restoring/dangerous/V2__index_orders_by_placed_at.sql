-- An index without a name: PostgreSQL calls it orders_placed_at_idx.
CREATE INDEX CONCURRENTLY ON orders (placed_at);
