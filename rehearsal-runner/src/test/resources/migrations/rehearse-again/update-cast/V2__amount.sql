ALTER TABLE events ADD COLUMN amount integer;
-- A data migration: every payload the application wrote is a number, perhaps with spaces around it. The cast is of
-- a computed value, which Rehearsal does not read ahead.
UPDATE events SET amount = trim(payload)::integer;
