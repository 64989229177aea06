ALTER TABLE charges ADD COLUMN tax_code text;
