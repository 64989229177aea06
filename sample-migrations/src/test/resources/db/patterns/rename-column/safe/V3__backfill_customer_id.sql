-- Migrate: copy the old values over, in a migration of its own,
-- in batches of 1 000 rows that each commit, so no row stays locked for long and an interrupted run
-- continues where it stopped (the reasoning is in db/playbook/V3). executeInTransaction=false in the
-- .sql.conf next to this script lets the DO block commit.
SET lock_timeout = '2s';

DO $$
DECLARE
    batch_size constant integer := 1000;
    last_id    bigint := 0;   -- keyset cursor: each batch starts after the previous one's last key
    batch_last bigint;
    passes     integer := 1;
BEGIN
    LOOP
        WITH batch AS (
            UPDATE orders
               SET customer_id = customer_ref
             WHERE id IN (SELECT id
                            FROM orders
                           WHERE customer_id IS NULL AND id > last_id
                           ORDER BY id
                           LIMIT batch_size
                             FOR UPDATE SKIP LOCKED)
            RETURNING id
        )
        SELECT max(id) INTO batch_last FROM batch;
        COMMIT;
        IF batch_last IS NOT NULL THEN
            last_id := batch_last;
        ELSIF NOT EXISTS (SELECT 1 FROM orders WHERE customer_id IS NULL) THEN
            EXIT;
        ELSIF passes >= 10 THEN
            RAISE EXCEPTION 'backfill of orders: rows still to do after % passes; run it again', passes;
        ELSE
            last_id := 0;             -- rows skipped while the app held them: another pass from the start
            passes := passes + 1;
            PERFORM pg_sleep(0.1);
        END IF;
    END LOOP;
END $$;
