CREATE TABLE accounts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code text);
CREATE TABLE account_codes (account_id bigint NOT NULL, code integer NOT NULL);
