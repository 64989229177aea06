-- legacy_code went in V6: nothing is dropped here
SET lock_timeout = '2s';
ALTER TABLE orders DROP COLUMN IF EXISTS legacy_code;
