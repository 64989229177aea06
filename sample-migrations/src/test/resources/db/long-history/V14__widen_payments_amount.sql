-- pending: int to bigint rewrites payments under an ACCESS EXCLUSIVE lock
ALTER TABLE payments ALTER COLUMN amount TYPE bigint;
