-- The schema change alone: an instant AccessExclusiveLock.
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN state_code smallint;
