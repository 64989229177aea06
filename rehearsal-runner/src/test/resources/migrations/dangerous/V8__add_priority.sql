SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN priority int;
UPDATE orders SET priority = 1;
