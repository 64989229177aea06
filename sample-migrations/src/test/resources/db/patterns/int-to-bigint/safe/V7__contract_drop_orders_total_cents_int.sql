-- Contract, in a later release: the integer copy goes. Its values live on in total_cents.
SET lock_timeout = '2s';
-- rehearsal:allow DATA_LOSS every value of total_cents_int is in total_cents (bigint) since V6
ALTER TABLE orders DROP COLUMN total_cents_int;
