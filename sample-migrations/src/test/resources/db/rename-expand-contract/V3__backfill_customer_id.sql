-- Migrate: copy the old values over. In production run it in keyed batches until it updates no row:
-- UPDATE orders SET customer_id = customer_ref WHERE id IN
--   (SELECT id FROM orders WHERE customer_id IS NULL LIMIT 10000 FOR UPDATE SKIP LOCKED);
UPDATE orders SET customer_id = customer_ref WHERE customer_id IS NULL;
