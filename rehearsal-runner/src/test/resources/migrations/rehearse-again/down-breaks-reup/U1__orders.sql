DROP FUNCTION reference_unmarked(text);
DROP TABLE orders;
