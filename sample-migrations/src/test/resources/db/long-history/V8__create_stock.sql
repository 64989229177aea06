CREATE TABLE stock (
    warehouse_id integer NOT NULL REFERENCES warehouses (id),
    product_id   bigint NOT NULL REFERENCES products (id),
    on_hand      integer NOT NULL DEFAULT 0,
    PRIMARY KEY (warehouse_id, product_id)
);
