ALTER TABLE orders DROP CONSTRAINT orders_total_cents_big_not_null;
