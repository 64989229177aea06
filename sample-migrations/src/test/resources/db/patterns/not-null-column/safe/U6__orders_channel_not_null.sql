SET lock_timeout = '2s';
ALTER TABLE orders ADD CONSTRAINT orders_channel_not_null CHECK (channel IS NOT NULL);
ALTER TABLE orders ALTER COLUMN channel DROP NOT NULL;
