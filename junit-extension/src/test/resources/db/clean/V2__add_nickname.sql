ALTER TABLE accounts ADD COLUMN nickname text;
