-- The backfill locks every row; a writer (a second session, through dblink) then waits for row 1 while holding
-- RowExclusiveLock on orders, and SET NOT NULL asks for AccessExclusiveLock: the deadlock, made certain. The
-- writer's deadlock_timeout is long, so this transaction (1 s) is the one PostgreSQL aborts.
UPDATE orders SET note = 'backfilled' WHERE note IS NULL;
SELECT dblink_connect('writer', 'host=127.0.0.1 port=' || current_setting('port') || ' dbname=' || current_database()
        || ' user=' || current_user);
SELECT set_config('rehearsal_test.writer_pid',
        (SELECT pid::text FROM dblink('writer', 'SELECT pg_backend_pid()') AS t(pid integer)), false);
SELECT dblink_exec('writer', 'SET deadlock_timeout = ''60s''');
SELECT dblink_send_query('writer', 'UPDATE orders SET note = ''from the app'' WHERE id = 1');
DO $$
BEGIN
    FOR attempt IN 1..10000 LOOP
        EXIT WHEN EXISTS (SELECT 1 FROM pg_locks WHERE NOT granted
                AND pid = current_setting('rehearsal_test.writer_pid')::integer);
        PERFORM pg_sleep(0.001);
    END LOOP;
END $$;
ALTER TABLE orders ALTER COLUMN note SET NOT NULL;
