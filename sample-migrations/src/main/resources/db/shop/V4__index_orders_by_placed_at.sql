-- Reports list recent orders. A plain CREATE INDEX blocks every write to orders until it is built.
CREATE INDEX orders_placed_at_idx ON orders (placed_at);
