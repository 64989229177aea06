ALTER TABLE stores DROP COLUMN opened_on;
