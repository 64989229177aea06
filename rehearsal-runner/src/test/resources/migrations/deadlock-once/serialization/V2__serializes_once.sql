-- The first attempt fails as a serialization failure does (SQLSTATE 40001); every later one goes through.
DO $$
BEGIN
    IF nextval('rehearsal_test_attempts') = 1 THEN
        RAISE EXCEPTION 'could not serialize access due to concurrent update' USING ERRCODE = '40001';
    END IF;
END $$;
ALTER TABLE orders ADD COLUMN channel text;
