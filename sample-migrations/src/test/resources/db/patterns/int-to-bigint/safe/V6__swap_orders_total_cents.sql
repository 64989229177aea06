-- Swap, in one short transaction: the app keeps using the name total_cents, which is now the bigint column.
-- SET NOT NULL skips its scan thanks to the validated CHECK; the renames and drops touch the catalog only.
SET lock_timeout = '2s';
ALTER TABLE orders ALTER COLUMN total_cents_big SET NOT NULL;
ALTER TABLE orders DROP CONSTRAINT orders_total_cents_big_not_null;
DROP TRIGGER orders_sync_total_cents_big ON orders;
DROP FUNCTION orders_sync_total_cents_big();
ALTER TABLE orders ALTER COLUMN total_cents DROP NOT NULL;
ALTER TABLE orders RENAME COLUMN total_cents TO total_cents_int;
ALTER TABLE orders RENAME COLUMN total_cents_big TO total_cents;
