-- Before the old column goes, the new one must refuse what the old one refused: a NULL customer.
-- Otherwise v2 may write orders without one, and a rollback of the contract cannot restore customer_ref NOT NULL.
-- The CHECK is added NOT VALID (an instant AccessExclusiveLock) and validated in its own transaction
-- (executeInTransaction=false in the .sql.conf), where the scan blocks no writer.
SET lock_timeout = '2s';
ALTER TABLE orders ADD CONSTRAINT orders_customer_id_not_null CHECK (customer_id IS NOT NULL) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_not_null;
