ALTER TABLE customers ADD COLUMN name text;
