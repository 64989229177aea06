-- A compact state code for the warehouse system, added and filled in one script. The UPDATE runs inside the
-- transaction that added the column, so the ADD COLUMN's AccessExclusiveLock is held until every row is updated.
SET lock_timeout = '2s';
ALTER TABLE orders ADD COLUMN state_code smallint;
UPDATE orders SET state_code = CASE state WHEN 'open' THEN 1 WHEN 'paid' THEN 2 WHEN 'shipped' THEN 3 ELSE 9 END;
