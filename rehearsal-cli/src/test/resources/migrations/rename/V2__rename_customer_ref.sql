-- the customer reference is an id now
ALTER TABLE orders RENAME COLUMN customer_ref TO customer_id;
