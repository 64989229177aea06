-- The undo guesses the generated name wrong, and IF EXISTS turns the mistake into silence: the index stays.
DROP INDEX CONCURRENTLY IF EXISTS orders_placed_at;
