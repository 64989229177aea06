DROP TRIGGER orders_sync_customer_id ON orders;
DROP FUNCTION orders_sync_customer_id();
ALTER TABLE orders DROP COLUMN customer_id;
