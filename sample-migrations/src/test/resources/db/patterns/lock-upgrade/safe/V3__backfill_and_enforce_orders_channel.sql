-- The same change with the strong lock taken first: writers wait for the whole transaction (see
-- VALIDATION_SCAN_UNDER_LOCK), but none holds a row this transaction needs, so nothing can deadlock. On a table
-- in use, prefer the way of not-null-column/safe: a batched backfill in its own migration, then CHECK NOT VALID,
-- VALIDATE and SET NOT NULL.
SET lock_timeout = '2s';
LOCK TABLE orders IN ACCESS EXCLUSIVE MODE;
UPDATE orders SET channel = 'web' WHERE channel IS NULL;
ALTER TABLE orders ALTER COLUMN channel SET NOT NULL;
