-- A schema with every type and constraint shape the seeder promises to satisfy.
CREATE SCHEMA shop;
CREATE SCHEMA _rehearsal;
CREATE TABLE _rehearsal.bookkeeping (id int PRIMARY KEY);
CREATE TABLE public.flyway_schema_history (installed_rank int PRIMARY KEY, version text);

CREATE TYPE shop.order_status AS ENUM ('new', 'paid', 'shipped', 'cancelled');
CREATE DOMAIN shop.country AS char(2) CHECK (VALUE IN ('DE', 'FR', 'US'));
CREATE DOMAIN shop.quantity AS integer NOT NULL CHECK (VALUE > 0 AND VALUE <= 1000);

CREATE TABLE shop.customers (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email          varchar(120) NOT NULL UNIQUE,
    external_id    uuid NOT NULL UNIQUE,
    name           text NOT NULL CHECK (name <> ''),
    nickname       varchar(20) CHECK (char_length(nickname) <= 10),
    country        shop.country,
    vip            boolean NOT NULL,
    balance        numeric(10, 2) NOT NULL CHECK (balance >= 0 AND balance <= 5000),
    score          real,
    rating         double precision,
    created_at     timestamptz NOT NULL DEFAULT now(),
    signed_up      timestamp,
    birthday       date CHECK (birthday >= '1950-01-01'),
    wakes_at       time,
    session_length interval,
    tags           text[],
    lucky_numbers  int[],
    last_ip        inet,
    avatar         bytea,
    preferences    jsonb,
    raw_profile    json,
    tier           shop.order_status
);

CREATE TABLE shop.orders (
    id             bigint PRIMARY KEY,
    customer_id    bigint NOT NULL REFERENCES shop.customers (id),
    status         shop.order_status NOT NULL,
    quantity       shop.quantity,
    total          numeric(12, 2) NOT NULL CHECK (total > 0),
    payload        jsonb NOT NULL,
    sku            text GENERATED ALWAYS AS (payload ->> 'sku') STORED,
    payload_qty    int GENERATED ALWAYS AS ((payload ->> 'qty')::int) STORED,
    note           text,
    CHECK (status IN ('new', 'paid', 'shipped'))
);
CREATE UNIQUE INDEX orders_sku ON shop.orders (sku);

CREATE TABLE shop.order_lines (
    order_id     bigint NOT NULL REFERENCES shop.orders (id),
    line_no      smallint NOT NULL CHECK (line_no BETWEEN 1 AND 3),
    product_code varchar(8) NOT NULL,
    amount       numeric(8, 3),
    PRIMARY KEY (order_id, line_no)
);

CREATE TABLE shop.categories (
    id        int PRIMARY KEY,
    parent_id int REFERENCES shop.categories (id),
    name      text NOT NULL
);

CREATE TABLE shop.events (
    id          bigint NOT NULL,
    happened_at timestamptz NOT NULL,
    kind        text NOT NULL CHECK (kind IN ('click', 'view')),
    PRIMARY KEY (id, happened_at)
) PARTITION BY RANGE (happened_at);
CREATE TABLE shop.events_2024_01 PARTITION OF shop.events FOR VALUES FROM ('2024-01-01') TO ('2024-02-01');
CREATE TABLE shop.events_2024_02 PARTITION OF shop.events FOR VALUES FROM ('2024-02-01') TO ('2024-03-01');

CREATE TABLE shop.bookings (
    id        serial PRIMARY KEY,
    starts_at date NOT NULL,
    ends_at   date NOT NULL,
    CHECK (ends_at > starts_at)
);

-- A cycle: owners.main_account_id is nullable, accounts.owner_id is not.
CREATE TABLE shop.owners (id int PRIMARY KEY, main_account_id int);
CREATE TABLE shop.accounts (id int PRIMARY KEY, owner_id int NOT NULL REFERENCES shop.owners (id));
ALTER TABLE shop.owners ADD FOREIGN KEY (main_account_id) REFERENCES shop.accounts (id);

-- No generated value matches this pattern.
CREATE TABLE shop.legacy_codes (
    code text NOT NULL CONSTRAINT legacy_code_format CHECK (code ~ '^[A-Z]{3}-[0-9]{4}$')
);
-- No candidate passes a hash condition: the table stays empty and says why.
CREATE TABLE shop.signed_codes (
    code text NOT NULL CONSTRAINT signed_code_digest CHECK (md5(code) LIKE '00000%')
);

-- A type the seeder does not generate: NOT NULL blocks the table, nullable is left NULL.
CREATE TABLE shop.places (id int PRIMARY KEY, location point NOT NULL);
CREATE TABLE shop.visits (id int PRIMARY KEY, place_id int REFERENCES shop.places (id), area box);
