CREATE TABLE payments (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    order_id    bigint NOT NULL REFERENCES orders (id),
    amount      numeric(12, 2) NOT NULL CHECK (amount > 0),
    provider    text NOT NULL,
    captured_at timestamptz
);
CREATE INDEX payments_order_id_idx ON payments (order_id);
