-- As lock-upgrade-deadlock, but the writer (a dblink session) is sent only in the first attempt: the deadlock is
-- certain there, and the step rehearsed again completes. A sequence counts the attempts (nextval is not rolled back).
UPDATE orders SET note = 'backfilled' WHERE note IS NULL;
DO $$
BEGIN
    IF nextval('rehearsal_test_attempts') = 1 THEN
        PERFORM dblink_connect('writer', 'host=127.0.0.1 port=' || current_setting('port') || ' dbname='
                || current_database() || ' user=' || current_user);
        PERFORM set_config('rehearsal_test.writer_pid',
                (SELECT pid::text FROM dblink('writer', 'SELECT pg_backend_pid()') AS t(pid integer)), false);
        PERFORM dblink_exec('writer', 'SET deadlock_timeout = ''60s''');
        PERFORM dblink_send_query('writer', 'UPDATE orders SET note = ''from the app'' WHERE id = 1');
        FOR attempt IN 1..10000 LOOP
            EXIT WHEN EXISTS (SELECT 1 FROM pg_locks WHERE NOT granted
                    AND pid = current_setting('rehearsal_test.writer_pid')::integer);
            PERFORM pg_sleep(0.001);
        END LOOP;
    END IF;
END $$;
ALTER TABLE orders ALTER COLUMN note SET NOT NULL;
