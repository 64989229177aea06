CREATE TABLE orders (
    id bigint PRIMARY KEY,
    total integer NOT NULL,
    status text,
    legacy_code text,
    placed_at timestamptz NOT NULL
);
INSERT INTO orders
SELECT g, g % 1000, 'open', 'L' || g, now() - g * interval '1 minute' FROM generate_series(1, 20000) g;
ANALYZE orders;
