CREATE EXTENSION IF NOT EXISTS dblink;
CREATE TABLE orders (id bigint PRIMARY KEY, note text);
INSERT INTO orders SELECT g, NULL FROM generate_series(1, 1000) AS g;
CREATE SEQUENCE rehearsal_test_attempts;
