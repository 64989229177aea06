CREATE INDEX accounts_created_idx ON accounts (created_at);
ALTER TABLE accounts ADD COLUMN nickname text;
