-- Migrate: copy the existing values; row locks only. On a large table run it in keyed batches that commit
-- one by one, as db/playbook/V3 does.
UPDATE orders SET total_cents_big = total_cents WHERE total_cents_big IS NULL;
