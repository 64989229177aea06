-- backfill from the namespace's default, check in PL/pgSQL that no charge is left without one, then require it:
-- generated charges belong to namespaces without a default, production's would not
UPDATE charges c SET tax_code = d.tax_code FROM tax_defaults d WHERE c.tax_code IS NULL AND c.namespace = d.namespace;
DO $$
DECLARE
  missing bigint;
BEGIN
  SELECT count(*) INTO missing FROM charges WHERE tax_code IS NULL;
  IF missing > 0 THEN
    RAISE EXCEPTION 'require_tax_code: missing tax_code after default backfill: %', missing;
  END IF;
END $$;
ALTER TABLE charges ALTER COLUMN tax_code SET NOT NULL;
