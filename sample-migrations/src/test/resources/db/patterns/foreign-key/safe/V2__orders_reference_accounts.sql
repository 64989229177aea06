-- NOT VALID: new and updated orders are checked from now on; existing ones are not read. This still takes a
-- ShareRowExclusiveLock on both tables, but only for an instant - hence the lock_timeout.
SET lock_timeout = '2s';
ALTER TABLE orders ADD CONSTRAINT orders_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id) NOT VALID;
