-- A schema with every kind of object a catalog snapshot lists, plus objects it must ignore. Needs the role catalog_reader.
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'the application';
CREATE EXTENSION pg_trgm SCHEMA app;
CREATE TYPE app.account_status AS ENUM ('new', 'active', 'closed');
CREATE DOMAIN app.email AS text COLLATE "C" DEFAULT 'nobody@example.org' NOT NULL CONSTRAINT email_has_at CHECK (VALUE LIKE '%@%');
CREATE TYPE app.address AS (street text, city text COLLATE "C", zip varchar(10));
CREATE TYPE app.score_range AS RANGE (subtype = numeric);
CREATE SEQUENCE app.invoice_number_seq AS integer START 1000 INCREMENT 10 MAXVALUE 999999 CYCLE;
CREATE TABLE app.accounts (
  id bigint GENERATED ALWAYS AS IDENTITY (START WITH 100 INCREMENT BY 5) PRIMARY KEY,
  email app.email NOT NULL,
  name text COLLATE "C" DEFAULT 'unknown',
  status app.account_status NOT NULL DEFAULT 'new',
  profile jsonb NOT NULL DEFAULT '{}'::jsonb,
  country text GENERATED ALWAYS AS (profile ->> 'country') STORED,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz,
  tenant text NOT NULL DEFAULT current_user,
  home app.address,
  CONSTRAINT accounts_email_key UNIQUE (email) DEFERRABLE INITIALLY DEFERRED
);
ALTER TABLE app.accounts ALTER COLUMN name SET STORAGE EXTERNAL;
CREATE TABLE app.invoices (
  number integer PRIMARY KEY DEFAULT nextval('app.invoice_number_seq'),
  account_id bigint NOT NULL,
  amount numeric(12,2) NOT NULL CHECK (amount >= 0),
  serial_no serial
);
ALTER SEQUENCE app.invoice_number_seq OWNED BY app.invoices.number;
ALTER TABLE app.invoices ADD CONSTRAINT invoices_account_fk FOREIGN KEY (account_id) REFERENCES app.accounts (id) NOT VALID;
CREATE UNLOGGED TABLE app.sessions (token text PRIMARY KEY, account_id bigint, seen_at timestamptz) WITH (fillfactor = 70);
CREATE TABLE app.events (id bigint NOT NULL, happened_at date NOT NULL, payload jsonb) PARTITION BY RANGE (happened_at);
CREATE TABLE app.events_2024 PARTITION OF app.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
CREATE TABLE app.events_default PARTITION OF app.events DEFAULT;
CREATE INDEX events_happened_idx ON app.events (happened_at);
CREATE INDEX accounts_created_idx ON app.accounts (created_at DESC);
CREATE INDEX accounts_plan_idx ON app.accounts ((profile ->> 'plan'));
CREATE INDEX accounts_active_idx ON app.accounts (email) WHERE status = 'active';
CREATE INDEX accounts_name_trgm_idx ON app.accounts USING gin (name app.gin_trgm_ops);
COMMENT ON INDEX app.accounts_created_idx IS 'for the recent accounts page';
COMMENT ON TABLE app.accounts IS 'one row per customer';
COMMENT ON COLUMN app.accounts.email IS 'login e-mail';
CREATE FUNCTION app.touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := now();
  RETURN NEW;
END $$;
COMMENT ON FUNCTION app.touch_updated_at() IS 'keeps updated_at current';
CREATE FUNCTION app.plan_of(p jsonb) RETURNS text LANGUAGE sql IMMUTABLE STRICT AS $$ SELECT p ->> 'plan' $$;
CREATE PROCEDURE app.close_account(p_id bigint) LANGUAGE sql AS $$ UPDATE app.accounts SET status = 'closed' WHERE id = p_id $$;
CREATE TRIGGER accounts_touch BEFORE UPDATE ON app.accounts FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
CREATE TRIGGER sessions_touch BEFORE UPDATE ON app.sessions FOR EACH ROW EXECUTE FUNCTION app.touch_updated_at();
ALTER TABLE app.sessions DISABLE TRIGGER sessions_touch;
CREATE VIEW app.active_accounts WITH (security_barrier) AS SELECT id, email FROM app.accounts WHERE status = 'active';
CREATE MATERIALIZED VIEW app.account_counts AS SELECT status, count(*) AS n FROM app.accounts GROUP BY status;
CREATE UNIQUE INDEX account_counts_status_idx ON app.account_counts (status);
ALTER TABLE app.accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE app.accounts FORCE ROW LEVEL SECURITY;
CREATE POLICY accounts_tenant ON app.accounts FOR SELECT TO catalog_reader USING (tenant = current_user);
GRANT USAGE ON SCHEMA app TO catalog_reader;
GRANT SELECT, UPDATE (name) ON app.accounts TO catalog_reader;
GRANT SELECT ON app.active_accounts TO catalog_reader WITH GRANT OPTION;
REVOKE EXECUTE ON FUNCTION app.plan_of(jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION app.plan_of(jsonb) TO catalog_reader;
ALTER DEFAULT PRIVILEGES IN SCHEMA app GRANT SELECT ON TABLES TO catalog_reader;
CREATE STATISTICS app.accounts_status_country (dependencies) ON status, country FROM app.accounts;
CREATE RULE invoices_no_delete AS ON DELETE TO app.invoices DO INSTEAD NOTHING;
CREATE FUNCTION app.log_ddl() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE EVENT TRIGGER app_log_ddl ON ddl_command_end WHEN TAG IN ('CREATE TABLE') EXECUTE FUNCTION app.log_ddl();
CREATE AGGREGATE app.concat_all(text) (SFUNC = textcat, STYPE = text, INITCOND = '');
CREATE EXTENSION file_fdw SCHEMA app;
CREATE SERVER files FOREIGN DATA WRAPPER file_fdw;
CREATE FOREIGN TABLE app.imported (line text) SERVER files OPTIONS (filename '/dev/null');
-- things the snapshot ignores
CREATE TABLE app.flyway_schema_history (installed_rank int PRIMARY KEY, version text);
CREATE INDEX flyway_schema_history_s_idx ON app.flyway_schema_history (version);
CREATE SCHEMA _rehearsal;
CREATE TABLE _rehearsal.rewrites (relation text);
CREATE FUNCTION _rehearsal.on_rewrite() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN END $$;
CREATE EVENT TRIGGER rehearsal_table_rewrite ON table_rewrite EXECUTE FUNCTION _rehearsal.on_rewrite();
