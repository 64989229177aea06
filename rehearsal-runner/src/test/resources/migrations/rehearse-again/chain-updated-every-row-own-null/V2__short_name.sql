-- a short name for one of the chain's jobs only: 'Close Accounts' keeps NULL, as it would in production
ALTER TABLE job ADD COLUMN short_name text;
UPDATE job SET short_name = 'PI' WHERE name = 'Post Interest';
