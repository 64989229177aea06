DROP INDEX CONCURRENTLY orders_reference_key;
