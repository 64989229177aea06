-- Day 3: VALIDATE reads every payment under a ShareUpdateExclusiveLock, so writers go on. It fails if the backfill
-- missed a row, before any app version depends on the column. Then v3 is deployed.
ALTER TABLE payments VALIDATE CONSTRAINT payments_amount_cents_present;
