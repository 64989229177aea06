-- Contract, once v1 is retired: only v2 runs, and it uses customer_id alone.
-- SET NOT NULL skips its scan thanks to the validated CHECK of V4, which is then redundant.
SET lock_timeout = '2s';
ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL;
ALTER TABLE orders DROP CONSTRAINT orders_customer_id_not_null;
DROP TRIGGER orders_sync_customer_id ON orders;
DROP FUNCTION orders_sync_customer_id();
-- rehearsal:allow DATA_LOSS every value of customer_ref was copied to customer_id by V3 and the trigger
ALTER TABLE orders DROP COLUMN customer_ref;
