-- A data migration: every code the application wrote is a number, perhaps with spaces around it. The cast is of a
-- computed value, which Rehearsal does not read ahead; it fails on generated codes of accounts, not of account_codes.
INSERT INTO account_codes (account_id, code) SELECT id, trim(code)::integer FROM accounts;
