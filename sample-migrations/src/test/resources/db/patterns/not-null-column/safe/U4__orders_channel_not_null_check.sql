ALTER TABLE orders DROP CONSTRAINT orders_channel_not_null;
