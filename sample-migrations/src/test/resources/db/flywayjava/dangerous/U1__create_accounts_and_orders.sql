DROP TABLE orders;
DROP TABLE accounts;
