-- Backfill and enforce in one go: the UPDATE keeps a row lock on every order it filled until the commit, and
-- SET NOT NULL then asks for an AccessExclusiveLock on orders in the same transaction. A writer updating one of
-- those orders waits for this transaction while holding its RowExclusiveLock on orders; the AccessExclusiveLock
-- request waits for that writer: a deadlock. PostgreSQL aborts one of the two after deadlock_timeout — in
-- production that can be the deploy. Rehearsal reads the order of the locks from the trace, struck or not.
SET lock_timeout = '2s';
UPDATE orders SET channel = 'web' WHERE channel IS NULL;
ALTER TABLE orders ALTER COLUMN channel SET NOT NULL;
