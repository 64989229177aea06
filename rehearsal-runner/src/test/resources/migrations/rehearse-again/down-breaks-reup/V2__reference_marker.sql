ALTER TABLE orders ADD CONSTRAINT orders_reference_unmarked CHECK (reference_unmarked(reference));
