-- Contract, once v1 is retired: only v2 runs, and it uses customer_id alone.
DROP TRIGGER orders_sync_customer_id ON orders;
DROP FUNCTION orders_sync_customer_id();
ALTER TABLE orders DROP COLUMN customer_ref;
