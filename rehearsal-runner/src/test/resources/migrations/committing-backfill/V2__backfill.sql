-- keyed batches, each committed on its own
DO $$
DECLARE
    done int;
BEGIN
    LOOP
        UPDATE items SET quantity_big = quantity
         WHERE id IN (SELECT id FROM items WHERE quantity_big IS NULL ORDER BY id LIMIT 1000 FOR UPDATE SKIP LOCKED);
        GET DIAGNOSTICS done = ROW_COUNT;
        EXIT WHEN done = 0;
        COMMIT;
    END LOOP;
END $$;
