-- Day 2, migrate: fill amount_cents for the payments written before v2, once v1 is retired (v1 does not write
-- amount_cents, so a row it wrote after the backfill would stay empty).
--
-- In batches of 1 000 rows, each committed on its own, so that no row stays locked for long and the work done
-- survives an interruption (run it again: it continues with the rows still empty). The batch size is what the
-- rehearsal under load tuned: with 5 000 rows a writer waited 218 ms on one batch's row locks, over the 100 ms
-- budget. PostgreSQL has no UPDATE … LIMIT: each batch picks its keys in a subquery. FOR UPDATE SKIP LOCKED steps
-- over rows the app holds right now; a later pass picks them up (at most 10 passes; the new value must never be
-- NULL, or its rows stay to do). COMMIT inside DO needs a script that runs outside a transaction:
-- V3__day2_backfill_payments_amount_cents.sql.conf says executeInTransaction=false.
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
            UPDATE payments
               SET amount_cents = round(amount * 100)
             WHERE id IN (SELECT id
                            FROM payments
                           WHERE amount_cents IS NULL AND id > last_id
                           ORDER BY id
                           LIMIT batch_size
                             FOR UPDATE SKIP LOCKED)
            RETURNING id
        )
        SELECT max(id) INTO batch_last FROM batch;
        COMMIT;
        IF batch_last IS NOT NULL THEN
            last_id := batch_last;
        ELSIF NOT EXISTS (SELECT 1 FROM payments WHERE amount_cents IS NULL) THEN
            EXIT;
        ELSIF passes >= 10 THEN
            RAISE EXCEPTION 'backfill of payments: rows still to do after % passes; run it again', passes;
        ELSE
            last_id := 0;             -- rows skipped while the app held them: another pass from the start
            passes := passes + 1;
            PERFORM pg_sleep(0.1);
        END IF;
    END LOOP;
END $$;
