-- The same copy in two statements, as code that reads rows and then writes what it found does: the statement that
-- fails reads only a temporary table; the rows it copies came from accounts, read by the statement before it.
CREATE TEMPORARY TABLE picked ON COMMIT DROP AS SELECT id, trim(code) AS code FROM accounts;
INSERT INTO account_codes (account_id, code) SELECT id, code::integer FROM picked;
