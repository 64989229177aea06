ALTER TABLE events ADD COLUMN amount integer;
-- A data migration: every payload the application wrote is a number.
UPDATE events SET amount = payload::integer;
