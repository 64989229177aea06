-- keyed batches, each committed on its own; done when no row is left (SKIP LOCKED may skip held rows)
DO $$
BEGIN
    LOOP
        UPDATE items SET quantity_big = quantity
         WHERE id IN (SELECT id FROM items WHERE quantity_big IS NULL ORDER BY id LIMIT 1000 FOR UPDATE SKIP LOCKED);
        COMMIT;
        EXIT WHEN NOT EXISTS (SELECT 1 FROM items WHERE quantity_big IS NULL);
    END LOOP;
END $$;
