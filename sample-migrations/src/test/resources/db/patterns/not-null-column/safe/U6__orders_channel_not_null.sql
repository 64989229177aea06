-- A rollback must not block writers either: the CHECK comes back NOT VALID (an instant), is validated under
-- SHARE UPDATE EXCLUSIVE (writers go on), and only then is NOT NULL dropped. Each statement commits on its own
-- (see the .conf file beside this script), so no strong lock is held across the validation scan.
SET lock_timeout = '2s';
ALTER TABLE orders ADD CONSTRAINT orders_channel_not_null CHECK (channel IS NOT NULL) NOT VALID;
ALTER TABLE orders VALIDATE CONSTRAINT orders_channel_not_null;
ALTER TABLE orders ALTER COLUMN channel DROP NOT NULL;
