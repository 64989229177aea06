-- References were always unique in practice; the key makes it a rule.
CREATE UNIQUE INDEX CONCURRENTLY orders_reference_key ON orders (reference);
