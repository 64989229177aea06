-- The data change in a migration of its own: row locks only. On a large table run it in keyed batches that commit
-- one by one, as db/playbook/V3 does.
UPDATE orders SET state_code = CASE state WHEN 'open' THEN 1 WHEN 'paid' THEN 2 WHEN 'shipped' THEN 3 ELSE 9 END
 WHERE state_code IS NULL;
