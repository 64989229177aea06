DO $$
BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'mood') THEN
    CREATE TYPE mood AS ENUM ('sad', 'ok');
  END IF;
END
$$;

DO $do$
DECLARE
  r record;
BEGIN
  FOR r IN SELECT 1 AS x LOOP
    RAISE NOTICE 'row %;', r.x;
  END LOOP;
END
$do$ LANGUAGE plpgsql;
