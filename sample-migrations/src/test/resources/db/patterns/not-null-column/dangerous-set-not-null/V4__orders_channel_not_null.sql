-- SET NOT NULL reads every row to prove there is no NULL, under an AccessExclusiveLock: nothing reads or writes
-- orders during the scan.
SET lock_timeout = '2s';
ALTER TABLE orders ALTER COLUMN channel SET NOT NULL;
