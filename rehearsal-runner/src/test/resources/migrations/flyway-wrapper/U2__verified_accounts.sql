ALTER TABLE accounts DROP COLUMN verified;
