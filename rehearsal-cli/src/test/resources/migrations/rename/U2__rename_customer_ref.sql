ALTER TABLE orders RENAME COLUMN customer_id TO customer_ref;
