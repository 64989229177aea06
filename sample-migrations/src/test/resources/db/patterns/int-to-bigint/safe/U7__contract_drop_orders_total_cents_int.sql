ALTER TABLE orders ADD COLUMN total_cents_int integer;
UPDATE orders SET total_cents_int = total_cents;
