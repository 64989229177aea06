ALTER TABLE t ADD COLUMN a int;

-- a typo in the column name
UPDATE t SET a = 1
    WHERE aa > 0;
