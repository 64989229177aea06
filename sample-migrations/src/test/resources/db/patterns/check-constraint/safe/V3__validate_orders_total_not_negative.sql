-- VALIDATE reads every row under a ShareUpdateExclusiveLock: reads and writes go on during the scan.
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_cents_not_negative;
