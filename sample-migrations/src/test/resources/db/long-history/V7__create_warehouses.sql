CREATE TABLE warehouses (
    id   integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    city text NOT NULL
);
