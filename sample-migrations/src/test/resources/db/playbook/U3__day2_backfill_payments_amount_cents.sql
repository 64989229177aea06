-- The backfill changed no schema, and the values it wrote are correct: rolling it back leaves them in place.
SELECT 1;
