SET lock_timeout = '5s';
CREATE INDEX CONCURRENTLY items_quantity_idx ON items (quantity);
