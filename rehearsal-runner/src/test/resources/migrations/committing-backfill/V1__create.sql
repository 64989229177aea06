CREATE TABLE items (id bigint PRIMARY KEY, quantity int, quantity_big bigint);
INSERT INTO items SELECT g, g, NULL FROM generate_series(1, 5000) g;
