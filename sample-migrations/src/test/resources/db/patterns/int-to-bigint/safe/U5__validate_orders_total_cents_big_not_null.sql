-- PostgreSQL cannot mark a constraint not validated again; drop it and add it back as V4 left it.
SET lock_timeout = '2s';
ALTER TABLE orders DROP CONSTRAINT orders_total_cents_big_not_null;
ALTER TABLE orders ADD CONSTRAINT orders_total_cents_big_not_null CHECK (total_cents_big IS NOT NULL) NOT VALID;
