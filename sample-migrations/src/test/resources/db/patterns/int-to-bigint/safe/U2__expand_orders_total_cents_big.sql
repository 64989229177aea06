DROP TRIGGER orders_sync_total_cents_big ON orders;
DROP FUNCTION orders_sync_total_cents_big();
ALTER TABLE orders DROP COLUMN total_cents_big;
