SET lock_timeout = '2s';
ALTER TABLE orders RENAME COLUMN total_cents TO total_cents_big;
ALTER TABLE orders RENAME COLUMN total_cents_int TO total_cents;
-- Orders v2 wrote since the swap have no int total: give them one before the old version needs it again.
UPDATE orders SET total_cents = total_cents_big WHERE total_cents IS NULL;
ALTER TABLE orders ALTER COLUMN total_cents SET NOT NULL;

CREATE FUNCTION orders_sync_total_cents_big() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.total_cents_big := NEW.total_cents;
    RETURN NEW;
END $$;

CREATE TRIGGER orders_sync_total_cents_big BEFORE INSERT OR UPDATE OF total_cents ON orders
    FOR EACH ROW EXECUTE FUNCTION orders_sync_total_cents_big();

ALTER TABLE orders ADD CONSTRAINT orders_total_cents_big_not_null CHECK (total_cents_big IS NOT NULL);
ALTER TABLE orders ALTER COLUMN total_cents_big DROP NOT NULL;
