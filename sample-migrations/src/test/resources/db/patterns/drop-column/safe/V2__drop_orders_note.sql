-- Contract: applied after the release that stopped reading the column (app v2) has replaced every instance of v1.
SET lock_timeout = '2s';
-- rehearsal:allow DATA_LOSS the notes were copied to the notes service before v2 was released
ALTER TABLE orders DROP COLUMN note;
