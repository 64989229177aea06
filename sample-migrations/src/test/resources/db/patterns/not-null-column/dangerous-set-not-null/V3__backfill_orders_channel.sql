-- Migrate: the orders placed before V2 came from the web shop.
UPDATE orders SET channel = 'web' WHERE channel IS NULL;
