-- A CHECK added the plain way reads every row under an AccessExclusiveLock: nothing reads or writes orders
-- until the scan is done.
SET lock_timeout = '2s';
ALTER TABLE orders ADD CONSTRAINT orders_total_cents_not_negative CHECK (total_cents >= 0);
