-- Reverted by U2__add_orders_shipped_at.sql.
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN shipped_at timestamptz;
