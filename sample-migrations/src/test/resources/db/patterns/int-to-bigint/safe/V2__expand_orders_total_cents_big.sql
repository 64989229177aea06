-- Expand: the bigint column next to the integer one (a catalog change), kept equal by a trigger
-- for every row the running app writes. The app itself does not change.
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN total_cents_big bigint;

CREATE FUNCTION orders_sync_total_cents_big() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.total_cents_big := NEW.total_cents;
    RETURN NEW;
END $$;

CREATE TRIGGER orders_sync_total_cents_big BEFORE INSERT OR UPDATE OF total_cents ON orders
    FOR EACH ROW EXECUTE FUNCTION orders_sync_total_cents_big();
