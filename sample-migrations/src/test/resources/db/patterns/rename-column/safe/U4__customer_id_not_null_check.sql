ALTER TABLE orders DROP CONSTRAINT orders_customer_id_not_null;
