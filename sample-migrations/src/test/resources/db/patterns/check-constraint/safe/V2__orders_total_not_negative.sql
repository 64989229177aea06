-- NOT VALID: checked for new and updated rows from now on, existing rows not read; an instant AccessExclusiveLock.
SET lock_timeout = '2s';
ALTER TABLE orders ADD CONSTRAINT orders_total_cents_not_negative CHECK (total_cents >= 0) NOT VALID;
