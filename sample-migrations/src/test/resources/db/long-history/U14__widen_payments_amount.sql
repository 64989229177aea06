ALTER TABLE payments ALTER COLUMN amount TYPE integer;
