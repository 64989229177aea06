-- Totals outgrow integer. Changing the type in place rewrites the whole table under an AccessExclusiveLock.
ALTER TABLE orders ALTER COLUMN total_cents TYPE bigint;
