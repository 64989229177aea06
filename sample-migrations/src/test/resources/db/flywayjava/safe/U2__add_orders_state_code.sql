ALTER TABLE orders DROP COLUMN state_code;
