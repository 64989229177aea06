SET lock_timeout = '2s';
ALTER TABLE stores ADD COLUMN opened_on date;
