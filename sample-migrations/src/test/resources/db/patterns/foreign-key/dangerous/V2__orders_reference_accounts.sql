-- Orders must belong to an existing account. Adding the foreign key validates every order at once, holding a
-- ShareRowExclusiveLock on orders AND on accounts: no writes to either table until the check is done.
SET lock_timeout = '2s';
ALTER TABLE orders ADD CONSTRAINT orders_account_id_fkey FOREIGN KEY (account_id) REFERENCES accounts (id);
