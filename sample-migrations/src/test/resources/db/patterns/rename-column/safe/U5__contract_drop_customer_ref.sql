ALTER TABLE orders ADD COLUMN customer_ref text;
UPDATE orders SET customer_ref = customer_id;
ALTER TABLE orders ALTER COLUMN customer_ref SET NOT NULL;
ALTER TABLE orders ADD CONSTRAINT orders_customer_id_not_null CHECK (customer_id IS NOT NULL);
ALTER TABLE orders ALTER COLUMN customer_id DROP NOT NULL;

CREATE FUNCTION orders_sync_customer_id() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.customer_id := COALESCE(NEW.customer_id, NEW.customer_ref);
    NEW.customer_ref := COALESCE(NEW.customer_ref, NEW.customer_id);
    RETURN NEW;
END $$;

CREATE TRIGGER orders_sync_customer_id BEFORE INSERT OR UPDATE ON orders
    FOR EACH ROW EXECUTE FUNCTION orders_sync_customer_id();
