ALTER TABLE orders RENAME COLUMN remark TO note;
