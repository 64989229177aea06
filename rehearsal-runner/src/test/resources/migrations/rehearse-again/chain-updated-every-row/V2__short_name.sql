-- a short name for the jobs the chain knows: generated jobs keep NULL
ALTER TABLE job ADD COLUMN short_name text;
UPDATE job SET short_name = 'PI' WHERE name = 'Post Interest';
UPDATE job SET short_name = 'CA' WHERE name = 'Close Accounts';
