DROP TABLE orders;
DROP FUNCTION refuse_load_inserts();
