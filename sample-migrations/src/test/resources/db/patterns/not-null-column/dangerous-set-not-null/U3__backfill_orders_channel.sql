-- The backfilled values are harmless to keep; V3 changed no schema.
SELECT 1;
