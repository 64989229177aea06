-- Migrate: copy the old values over, in a migration of its own (row locks only). On a large table run it in keyed
-- batches that commit one by one, as db/playbook/V3 does.
UPDATE orders SET customer_id = customer_ref WHERE customer_id IS NULL;
