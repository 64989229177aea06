-- Orders refer to the customer by the CRM's reference. 20 000 orders exist before the rename.
CREATE TABLE orders (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_ref text   NOT NULL,
    total_cents  bigint NOT NULL DEFAULT 0
);

INSERT INTO orders (customer_ref, total_cents)
SELECT 'c-' || (1 + g % 5000), 100 + g % 99900
FROM generate_series(1, 20000) AS g;
