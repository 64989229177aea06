CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_ref text NOT NULL,
    total_cents bigint NOT NULL DEFAULT 0
);
