-- VALIDATE reads every row under a ShareUpdateExclusiveLock: reads and writes go on during the scan.
-- It runs in a transaction of its own, so no stronger lock from an earlier statement is held while it scans.
ALTER TABLE orders VALIDATE CONSTRAINT orders_channel_not_null;
