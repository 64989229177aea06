DROP INDEX CONCURRENTLY items_quantity_idx;
