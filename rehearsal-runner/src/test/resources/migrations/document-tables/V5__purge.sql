TRUNCATE TABLE leftovers;
