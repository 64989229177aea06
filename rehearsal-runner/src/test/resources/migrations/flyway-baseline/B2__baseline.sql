-- The schema of V1 and V2 as it stands today, consolidated (with what later hotfixes added to it): Flyway applies this
-- to an empty database instead of V1 and V2.
CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL);
CREATE TABLE orders (id bigint PRIMARY KEY, account_id bigint NOT NULL REFERENCES accounts (id));
