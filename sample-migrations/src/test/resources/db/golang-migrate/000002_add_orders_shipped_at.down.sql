BEGIN;
SET LOCAL lock_timeout = '2s';
ALTER TABLE orders DROP COLUMN shipped_at;
COMMIT;
