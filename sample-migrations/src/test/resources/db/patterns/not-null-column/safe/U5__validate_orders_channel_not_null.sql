-- PostgreSQL cannot mark a constraint not validated again; drop it and add it back as V4 left it.
SET lock_timeout = '2s';
ALTER TABLE orders DROP CONSTRAINT orders_channel_not_null;
ALTER TABLE orders ADD CONSTRAINT orders_channel_not_null CHECK (channel IS NOT NULL) NOT VALID;
