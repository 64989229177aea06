-- The first attempt fails on the generated rows (a NOT NULL column without a default fails on any row). The second,
-- with the write load beside it, waits until a writer has committed a row into the emptied table, then fails as a
-- deadlock does (SQLSTATE 40P01): the writer's row stays. Every later attempt goes through the DO block.
DO $$
BEGIN
    IF nextval('rehearsal_test_attempts') = 2
            AND EXISTS (SELECT FROM pg_stat_activity WHERE application_name = 'rehearsal-load') THEN
        FOR i IN 1..3000 LOOP
            EXIT WHEN EXISTS (SELECT FROM orders);
            PERFORM pg_sleep(0.01);
        END LOOP;
        RAISE EXCEPTION 'deadlock detected' USING ERRCODE = '40P01',
            DETAIL = 'Process 1 waits for AccessExclusiveLock on relation orders; blocked by process 2.';
    END IF;
END $$;
ALTER TABLE orders ADD COLUMN channel text NOT NULL;
