CREATE TABLE orders (
    id    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    total bigint NOT NULL,
    note  text   NOT NULL
);
INSERT INTO orders (total, note) SELECT g, 'order ' || g FROM generate_series(1, 200) AS g;
