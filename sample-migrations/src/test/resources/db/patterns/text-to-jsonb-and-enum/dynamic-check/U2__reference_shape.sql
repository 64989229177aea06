ALTER TABLE orders DROP CONSTRAINT orders_reference_short;
