-- Every attempt with the write load beside it fails as a deadlock does (SQLSTATE 40P01); the attempt without it
-- goes through and renames a column the running version writes.
DO $$
BEGIN
    IF nextval('rehearsal_test_attempts') <= 3 THEN
        RAISE EXCEPTION 'deadlock detected' USING ERRCODE = '40P01',
            DETAIL = 'Process 1 waits for AccessExclusiveLock on relation orders; blocked by process 2.';
    END IF;
END $$;
ALTER TABLE orders RENAME COLUMN note TO remark;
