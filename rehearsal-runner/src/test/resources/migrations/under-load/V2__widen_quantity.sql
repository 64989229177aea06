SET lock_timeout = '5s';
ALTER TABLE items ALTER COLUMN quantity TYPE bigint;
