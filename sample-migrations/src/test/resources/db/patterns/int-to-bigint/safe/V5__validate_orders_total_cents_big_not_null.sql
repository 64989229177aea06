-- ...and VALIDATE reads them all while writers go on (ShareUpdateExclusiveLock).
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_cents_big_not_null;
