-- VALIDATE reads every order under a ShareUpdateExclusiveLock on orders and a RowShareLock on accounts:
-- writers to both tables go on. In its own migration, so it runs in its own transaction.
ALTER TABLE orders VALIDATE CONSTRAINT orders_account_id_fkey;
