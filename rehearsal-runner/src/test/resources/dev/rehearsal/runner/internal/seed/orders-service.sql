-- The orders service of issue 14: ordinary email CHECKs the in-JVM generators do not read, and a child table
-- that stays empty when its parent does.
CREATE SCHEMA svc;
CREATE DOMAIN svc.email AS text CHECK (VALUE ~* '^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$');

CREATE TABLE svc.customers (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email      text NOT NULL UNIQUE CHECK (position('@' IN email) > 1),
    backup     text CHECK (backup LIKE '%_@_%'),
    work_email text NOT NULL CHECK (work_email ~* '^[^@]+@[^@]+\.[a-z]{2,}$'),
    login      svc.email NOT NULL UNIQUE,
    code       varchar(8) NOT NULL UNIQUE CHECK (code ~ '^[A-Z]{3}-[0-9]{4}$')
);

CREATE TABLE svc.orders (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES svc.customers (id),
    total       numeric(10, 2) NOT NULL CHECK (total >= 0)
);
