-- golang-migrate sends the file as one query. Wrapped in BEGIN … COMMIT it is one transaction, and SET LOCAL
-- limits the lock wait to this migration.
BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
COMMENT ON COLUMN orders.shipped_at IS 'When the parcel left the warehouse; NULL while the order is not shipped';
COMMIT;
