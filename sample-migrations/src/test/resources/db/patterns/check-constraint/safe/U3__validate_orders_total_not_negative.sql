-- PostgreSQL cannot mark a constraint not validated again; drop it and add it back as V2 left it.
SET lock_timeout = '2s';
ALTER TABLE orders DROP CONSTRAINT orders_total_cents_not_negative;
ALTER TABLE orders ADD CONSTRAINT orders_total_cents_not_negative CHECK (total_cents >= 0) NOT VALID;
