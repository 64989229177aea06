-- The existing rows get their values in a migration of its own, which takes row locks only (RowExclusiveLock on
-- the table). On a large table run it in keyed batches that commit one by one, as db/playbook/V3 does.
UPDATE orders SET public_id = gen_random_uuid() WHERE public_id IS NULL;
