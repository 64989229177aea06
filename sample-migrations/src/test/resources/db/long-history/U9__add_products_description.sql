ALTER TABLE products DROP COLUMN description;
