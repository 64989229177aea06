ALTER TABLE events ALTER COLUMN payload TYPE text USING payload::text;
