-- The first release kept the order's payload as JSON text and its status as free text.
CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference varchar(40) NOT NULL,
    payload text,
    status varchar(20) NOT NULL,
    placed_at timestamptz NOT NULL DEFAULT now()
);
