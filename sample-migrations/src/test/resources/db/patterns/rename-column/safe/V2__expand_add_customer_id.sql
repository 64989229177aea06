-- Expand: the new column next to the old one, kept equal by a trigger while v1 (old name) and v2 (new name) run.
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN customer_id text;

CREATE FUNCTION orders_sync_customer_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.customer_id := COALESCE(NEW.customer_id, NEW.customer_ref);
    NEW.customer_ref := COALESCE(NEW.customer_ref, NEW.customer_id);
    RETURN NEW;
END $$;

CREATE TRIGGER orders_sync_customer_id BEFORE INSERT OR UPDATE ON orders
    FOR EACH ROW EXECUTE FUNCTION orders_sync_customer_id();
