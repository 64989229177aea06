-- Flyway keeps ADD VALUE inside the transaction on PostgreSQL 12+, so this script is not mixed.
ALTER TYPE mood ADD VALUE 'happy';
ALTER TABLE people ADD COLUMN note text;
