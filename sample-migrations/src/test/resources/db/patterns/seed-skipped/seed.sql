-- Rows for the tables the seeder cannot fill (rehearse --seed-script seed.sql). It runs before the seeder fills the
-- other tables, before every migration - also before the one that creates the table - so it checks that the table
-- exists (PL/pgSQL parses a statement only when it reaches it) and is still empty.
DO $$
BEGIN
    IF to_regclass('public.stores') IS NOT NULL THEN
        IF NOT EXISTS (SELECT 1 FROM public.stores) THEN
            INSERT INTO public.stores (name, location, code)
            SELECT 'Store ' || g, point(13.4 + g / 1000.0, 52.5 + g / 1000.0), 'BER-' || lpad(g::text, 4, '0')
            FROM generate_series(1, 500) AS g;
        END IF;
    END IF;
END $$;
