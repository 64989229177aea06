-- A CHECK added NOT VALID applies to new rows at once and reads no existing row: a short AccessExclusiveLock.
SET lock_timeout = '2s';
ALTER TABLE orders ADD CONSTRAINT orders_channel_not_null CHECK (channel IS NOT NULL) NOT VALID;
