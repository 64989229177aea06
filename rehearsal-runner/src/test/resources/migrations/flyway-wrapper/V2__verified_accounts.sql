-- wrapped as a whole, as DSpace ships V7.6_2023.10.12: Flyway runs it (BEGIN only warns)
BEGIN;

ALTER TABLE accounts ADD COLUMN verified boolean;
UPDATE accounts SET verified = false WHERE verified IS NULL;

COMMIT;
