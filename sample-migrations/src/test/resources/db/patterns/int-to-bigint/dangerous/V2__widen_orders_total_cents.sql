-- Totals outgrow integer. Changing the type in place rewrites every row and every index of orders
-- under an AccessExclusiveLock: nothing reads or writes orders until it is done.
SET lock_timeout = '2s';
ALTER TABLE orders ALTER COLUMN total_cents TYPE bigint;
