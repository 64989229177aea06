-- pending: a plain CREATE INDEX blocks every writer of orders while it builds
CREATE INDEX orders_customer_id_idx ON orders (customer_id);
