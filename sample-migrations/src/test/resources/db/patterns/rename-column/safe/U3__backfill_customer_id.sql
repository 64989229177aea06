-- The backfill changed no schema; the values it copied are harmless to keep when rolling back.
SELECT 1;
