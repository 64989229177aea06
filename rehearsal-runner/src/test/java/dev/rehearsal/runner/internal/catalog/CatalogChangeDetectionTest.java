package dev.rehearsal.runner.internal.catalog;

import static dev.rehearsal.runner.internal.catalog.CatalogFixtures.execute;
import static dev.rehearsal.runner.internal.catalog.CatalogFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kind of object: a change made between two snapshots shows up as the expected line. */
@Tag("slow") // 58 catalog changes, each on PostgreSQL
class CatalogChangeDetectionTest {

    private static PostgresServer server;
    // one database and one session for every change, emptied between them: the changes and the snapshots go through
    // the same session, as a migration's and the engine's own reads share a server
    private static ScratchDatabase database;
    private static Connection connection;

    @BeforeAll
    static void start() throws SQLException {
        server = PostgresProviders.embedded().start();
        CatalogFixtures.createRole(server);
        database = server.createDatabase("catalog_change");
        connection = database.connect();
    }

    @AfterAll
    static void stop() throws Exception {
        try (AutoCloseable closeServer = server::close; ScratchDatabase closeDatabase = database;
             Connection closeConnection = connection) {
            // closed in reverse order: the connection, the database, the server
        }
    }

    /**
     * @param setup    the schema before the change
     * @param change   what happens between the snapshots "before up" and "after down"
     * @param expected a line of the diff, or the start of one when the definitions are long
     */
    record Change(String setup, String change, String expected) {
        @Override
        public String toString() {
            return expected.substring(0, expected.indexOf(':'));
        }
    }

    static Stream<Change> changes() {
        String table = "CREATE TABLE t (id int PRIMARY KEY, n int);";
        return Stream.of(
                new Change("", "CREATE SCHEMA extra",
                        "schema extra: present after down, absent before up"),
                new Change(table, "DROP TABLE t",
                        "table public.t: absent after down, present before up"),
                new Change(table, "ALTER TABLE t SET UNLOGGED",
                        "table public.t: differs: before up `using heap`, after down `unlogged, using heap`"),
                new Change(table, "ALTER TABLE t SET (fillfactor = 50)",
                        "table public.t: differs: before up `using heap`, after down `using heap, with (fillfactor=50)`"),
                new Change("CREATE TABLE e (d date) PARTITION BY RANGE (d);"
                        + " CREATE TABLE e1 PARTITION OF e FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');",
                        "ALTER TABLE e DETACH PARTITION e1;"
                                + " ALTER TABLE e ATTACH PARTITION e1 FOR VALUES FROM ('2024-01-01') TO ('2026-01-01')",
                        "table public.e1: differs: before up `…partition of public.e FOR VALUES FROM ('2024-01-01')"
                                + " TO ('2025-01-01')`, after down `…partition of public.e FOR VALUES FROM"
                                + " ('2024-01-01') TO ('2026-01-01')`"),
                new Change(table, "ALTER TABLE t ADD COLUMN note text",
                        "column public.t.note: present after down, absent before up"),
                new Change(table, "ALTER TABLE t ALTER n SET DEFAULT 2",
                        "column public.t.n: differs: before up `integer`, after down `integer default 2`"),
                new Change(table, "ALTER TABLE t ALTER n SET NOT NULL",
                        "column public.t.n: differs: before up `integer`, after down `integer not null`"),
                new Change(table + " ALTER TABLE t ADD CONSTRAINT n_not_null NOT NULL n NOT VALID;", // PostgreSQL 18
                        "ALTER TABLE t VALIDATE CONSTRAINT n_not_null",
                        "column public.t.n: differs: before up `integer not null not valid`, after down `integer not null`"),
                new Change("CREATE TABLE t (n int, d int GENERATED ALWAYS AS (n * 2) VIRTUAL);", // PostgreSQL 18
                        "ALTER TABLE t ALTER d SET EXPRESSION AS (n * 3)",
                        "column public.t.d: differs: before up `integer generated always as ((n * 2)) virtual`,"
                                + " after down `integer generated always as ((n * 3)) virtual`"),
                new Change(table, "ALTER TABLE t ALTER n TYPE bigint",
                        "column public.t.n: differs: before up `integer`, after down `bigint`"),
                new Change("CREATE TABLE t (s text);", "ALTER TABLE t ALTER s TYPE text COLLATE \"C\"",
                        "column public.t.s: differs: before up `text`, after down `text collate \"C\"`"),
                new Change("CREATE TABLE t (j jsonb, k text GENERATED ALWAYS AS (j ->> 'k') STORED);",
                        "ALTER TABLE t ALTER k DROP EXPRESSION",
                        "column public.t.k: differs: before up `text generated always as ((j ->> 'k'::text)) stored`,"
                                + " after down `text`"),
                new Change("CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY);",
                        "ALTER TABLE t ALTER id SET INCREMENT BY 2",
                        "column public.t.id: differs: before up `integer not null generated always as identity`,"
                                + " after down `integer not null generated always as identity (increment 2)`"),
                new Change("CREATE TABLE t (id int GENERATED ALWAYS AS IDENTITY);",
                        "ALTER TABLE t ALTER id SET GENERATED BY DEFAULT",
                        "column public.t.id: differs: before up `integer not null generated always as identity`,"
                                + " after down `integer not null generated by default as identity`"),
                new Change(table + " ALTER TABLE t ADD CONSTRAINT n_positive CHECK (n > 0) NOT VALID;",
                        "ALTER TABLE t VALIDATE CONSTRAINT n_positive",
                        "constraint public.t.n_positive: differs: before up `CHECK ((n > 0)) NOT VALID`,"
                                + " after down `CHECK ((n > 0))`"),
                new Change(table + " CREATE TABLE c (t_id int);",
                        "ALTER TABLE c ADD CONSTRAINT c_t_fk FOREIGN KEY (t_id) REFERENCES t DEFERRABLE",
                        "constraint public.c.c_t_fk: present after down, absent before up"),
                new Change(table + " CREATE TABLE c (t_id int CONSTRAINT c_t_fk REFERENCES t);",
                        "ALTER TABLE c ALTER CONSTRAINT c_t_fk DEFERRABLE INITIALLY DEFERRED",
                        "constraint public.c.c_t_fk: differs: before up `FOREIGN KEY (t_id) REFERENCES public.t(id)`,"
                                + " after down `FOREIGN KEY (t_id) REFERENCES public.t(id) DEFERRABLE INITIALLY DEFERRED`"),
                new Change(table, "CREATE INDEX t_n_idx ON t (n)",
                        "index public.t_n_idx: present after down, absent before up"),
                new Change(table + " CREATE INDEX t_n_idx ON t (n);",
                        "DROP INDEX t_n_idx; CREATE INDEX t_n_idx ON t (n) WHERE n > 0",
                        "index public.t_n_idx: differs: before up `CREATE INDEX t_n_idx ON public.t USING btree (n)`,"
                                + " after down `CREATE INDEX t_n_idx ON public.t USING btree (n) WHERE (n > 0)`"),
                new Change("CREATE SEQUENCE s;", "ALTER SEQUENCE s INCREMENT BY 5",
                        "sequence public.s: differs: before up `as bigint`, after down `as bigint increment 5`"),
                new Change(table + " CREATE SEQUENCE s;", "ALTER SEQUENCE s OWNED BY t.n",
                        "sequence public.s: differs: before up `as bigint`, after down `as bigint owned by public.t.n`"),
                new Change(table + " CREATE VIEW v AS SELECT id FROM t;",
                        "CREATE OR REPLACE VIEW v AS SELECT id FROM t WHERE n > 0",
                        "view public.v: differs: before up `SELECT id FROM public.t;`,"
                                + " after down `SELECT id FROM public.t WHERE (n > 0);`"),
                new Change(table + " CREATE MATERIALIZED VIEW m AS SELECT id FROM t;",
                        "DROP MATERIALIZED VIEW m; CREATE MATERIALIZED VIEW m AS SELECT n FROM t",
                        "materialized view public.m: differs: before up `SELECT id FROM public.t;`,"
                                + " after down `SELECT n FROM public.t;`"),
                new Change("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';",
                        "CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 2'",
                        "function public.f(): differs:"
                                + " before up `…public.f() RETURNS integer LANGUAGE sql AS $function$SELECT 1$function$`,"
                                + " after down `…public.f() RETURNS integer LANGUAGE sql AS $function$SELECT 2$function$`"),
                new Change("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';",
                        "ALTER FUNCTION f() SECURITY DEFINER",
                        "function public.f(): differs: before up `…integer LANGUAGE sql AS $function$SELECT 1$function$`,"
                                + " after down `…integer LANGUAGE sql SECURITY DEFINER AS $function$SELECT 1$function$`"),
                new Change("", "CREATE PROCEDURE p(a int) LANGUAGE sql AS 'SELECT 1'",
                        "procedure public.p(integer): present after down, absent before up"),
                new Change("", "CREATE AGGREGATE agg(text) (SFUNC = textcat, STYPE = text)",
                        "aggregate public.agg(text): present after down, absent before up"),
                new Change(table + " CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';",
                        "CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch()",
                        "trigger public.t.t_touch: present after down, absent before up"),
                new Change(table + " CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';"
                        + " CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();",
                        "ALTER TABLE t DISABLE TRIGGER t_touch",
                        "trigger public.t.t_touch: differs: before up `…ON public.t FOR EACH ROW EXECUTE FUNCTION"
                                + " public.touch()`, after down `…ON public.t FOR EACH ROW EXECUTE FUNCTION"
                                + " public.touch() (disabled)`"),
                new Change("CREATE TYPE mood AS ENUM ('sad', 'ok');", "ALTER TYPE mood ADD VALUE 'happy'",
                        "type public.mood: differs: before up `enum ('sad', 'ok')`, after down `enum ('sad', 'ok', 'happy')`"),
                new Change("CREATE TYPE pair AS (a int);", "ALTER TYPE pair ADD ATTRIBUTE b text",
                        "type public.pair: differs: before up `composite (a integer)`, after down `composite (a integer, b text)`"),
                new Change("CREATE DOMAIN d AS int;", "ALTER DOMAIN d SET DEFAULT 0",
                        "domain public.d: differs: before up `over integer`, after down `over integer default 0`"),
                new Change("CREATE DOMAIN d AS int;", "ALTER DOMAIN d ADD CONSTRAINT d_positive CHECK (VALUE > 0)",
                        "domain public.d: differs: before up `over integer`, after down `over integer constraint"
                                + " d_positive CHECK ((VALUE > 0))`"),
                new Change("", "CREATE EXTENSION btree_gin",
                        "extension btree_gin: present after down, absent before up"),
                new Change(table, "GRANT SELECT ON t TO catalog_reader",
                        "grant on table public.t to catalog_reader: present after down, absent before up"),
                new Change(table + " GRANT SELECT ON t TO catalog_reader;", "GRANT INSERT ON t TO catalog_reader",
                        "grant on table public.t to catalog_reader: differs: before up `SELECT`, after down `INSERT, SELECT`"),
                new Change(table, "GRANT UPDATE (n) ON t TO catalog_reader",
                        "grant on column public.t.n to catalog_reader: present after down, absent before up"),
                new Change("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';",
                        "REVOKE EXECUTE ON FUNCTION f() FROM PUBLIC",
                        "grant on function public.f() to PUBLIC: present after down, absent before up"),
                new Change("", "GRANT CREATE ON SCHEMA public TO catalog_reader",
                        "grant on schema public to catalog_reader: present after down, absent before up"),
                new Change("", "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO catalog_reader",
                        "default privileges on tables in schema public created by postgres to catalog_reader:"
                                + " present after down, absent before up"),
                new Change("", "ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC",
                        "default privileges on functions created by postgres to PUBLIC: present after down,"
                                + " absent before up"),
                new Change(table, "ALTER TABLE t ENABLE ROW LEVEL SECURITY",
                        "row level security public.t: present after down, absent before up"),
                new Change(table + " ALTER TABLE t ENABLE ROW LEVEL SECURITY;", "ALTER TABLE t FORCE ROW LEVEL SECURITY",
                        "row level security public.t: differs: before up `enabled`, after down `enabled, forced`"),
                new Change(table + " CREATE POLICY p ON t USING (n > 0);", "ALTER POLICY p ON t USING (n > 1)",
                        "policy public.t.p: differs: before up `permissive for all to public using ((n > 0))`,"
                                + " after down `permissive for all to public using ((n > 1))`"),
                new Change(table + " COMMENT ON TABLE t IS 'old';", "COMMENT ON TABLE t IS 'new'",
                        "comment on table public.t: differs: before up `old`, after down `new`"),
                new Change(table, "COMMENT ON COLUMN t.n IS 'how many'",
                        "comment on column public.t.n: present after down, absent before up"),
                new Change(table + " CREATE INDEX t_n_idx ON t (n);", "COMMENT ON INDEX t_n_idx IS 'for lookups'",
                        "comment on index public.t_n_idx: present after down, absent before up"),
                new Change("CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'SELECT 1';", "COMMENT ON FUNCTION f() IS 'one'",
                        "comment on function public.f(): present after down, absent before up"),
                new Change("CREATE TYPE mood AS ENUM ('sad');", "COMMENT ON TYPE mood IS 'feelings'",
                        "comment on type public.mood: present after down, absent before up"),
                new Change("", "COMMENT ON SCHEMA public IS 'changed'",
                        "comment on schema public: differs: before up `standard public schema`, after down `changed`"),
                new Change(table, "CREATE RULE t_no_delete AS ON DELETE TO t DO INSTEAD NOTHING",
                        "rule public.t.t_no_delete: present after down, absent before up"),
                new Change(table, "CREATE STATISTICS t_stats (dependencies) ON id, n FROM t",
                        "statistics public.t_stats: present after down, absent before up"),
                new Change("CREATE FUNCTION on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS 'BEGIN END';",
                        "CREATE EVENT TRIGGER log_ddl ON ddl_command_end EXECUTE FUNCTION on_ddl()",
                        "event trigger log_ddl: present after down, absent before up"),
                new Change("CREATE FUNCTION on_ddl() RETURNS event_trigger LANGUAGE plpgsql AS 'BEGIN END';"
                        + " CREATE EVENT TRIGGER log_ddl ON ddl_command_end EXECUTE FUNCTION on_ddl();",
                        "ALTER EVENT TRIGGER log_ddl DISABLE",
                        "event trigger log_ddl: differs: before up `on ddl_command_end execute public.on_ddl()`,"
                                + " after down `on ddl_command_end execute public.on_ddl() (disabled)`"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void should_report_the_change_of_each_kind_of_object(Change change) throws SQLException {
        // GIVEN
        CatalogFixtures.emptied(connection);
        if (!change.setup().isEmpty()) {
            execute(connection, change.setup());
        }
        CatalogSnapshot before = CatalogSnapshot.take(connection);
        // WHEN
        execute(connection, change.change());
        CatalogDiff diff = CatalogDiff.between(before, CatalogSnapshot.take(connection), "before up", "after down");
        // THEN
        assertThat(diff.isEmpty()).isFalse();
        assertThat(diff.lines()).anySatisfy(line -> assertThat(line).startsWith(change.expected()));
    }
    @Test
    void should_report_a_column_added_again_at_the_end_as_column_order_only() throws SQLException {
        try (ScratchDatabase database = server.createDatabase("catalog_order")) {
            execute(database, "CREATE TABLE t (id int, email text, name text)");
            CatalogSnapshot before = snapshot(database);

            // WHEN a down migration drops a middle column and adds it back, where PostgreSQL puts it: at the end
            execute(database, "ALTER TABLE t DROP COLUMN email; ALTER TABLE t ADD COLUMN email text");
            CatalogDiff diff = CatalogDiff.between(before, snapshot(database), "before up", "after down");

            // THEN the schema counts as restored, and the order is reported apart
            assertThat(diff.isEmpty()).isTrue();
            assertThat(diff.lines()).isEmpty();
            assertThat(diff.columnOrderLines())
                    .containsExactly("column order public.t: before up (id, email, name), after down (id, name, email)");
        }
    }

    /** Hatchet's v1_0_106 and v1_0_108: a down recreates a function from a copy that lost comments and spaces. */
    @Test
    void should_count_a_function_recreated_without_its_comments_as_restored_but_not_one_with_another_message()
            throws SQLException {
        try (ScratchDatabase database = server.createDatabase("catalog_function_text")) {
            execute(database, """
                    CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      -- keep the row's time current
                      NEW.updated_at := now() ;  /* set by the server, not the app */
                      RAISE NOTICE 'touched  %', NEW.id;
                      RETURN NEW;
                    END $$""");
            CatalogSnapshot before = snapshot(database);

            // WHEN it is recreated without the comments, with other spaces and letter case
            execute(database, "CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $body$ begin"
                    + " new.updated_at := NOW(); raise notice 'touched  %', new.id; return new; end $body$");
            CatalogSnapshot sameCode = snapshot(database);
            // and again with two spaces in its message made one: a string the function uses, which differs
            execute(database, "CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $body$ begin"
                    + " new.updated_at := NOW(); raise notice 'touched %', new.id; return new; end $body$");

            assertThat(CatalogDiff.between(before, sameCode).lines()).isEmpty();
            assertThat(CatalogDiff.between(before, snapshot(database)).lines()).singleElement().asString()
                    .startsWith("function public.touch(): differs:");
        }
    }

    @Test
    void should_report_an_index_left_invalid_by_a_failed_concurrent_build() throws SQLException {
        try (ScratchDatabase database = server.createDatabase("catalog_invalid");
             Connection connection = database.connect()) {
            execute(connection, "CREATE TABLE t (n int); INSERT INTO t VALUES (1), (2); CREATE UNIQUE INDEX t_n_key ON t (n)");
            CatalogSnapshot before = CatalogSnapshot.take(connection);

            // WHEN the index is built again, concurrently, and the build fails on a duplicate, it stays behind invalid
            execute(connection, "DROP INDEX t_n_key; INSERT INTO t VALUES (2)");
            assertThatThrownBy(() -> execute(connection, "CREATE UNIQUE INDEX CONCURRENTLY t_n_key ON t (n)"))
                    .hasMessageContaining("could not create unique index");
            CatalogDiff diff = CatalogDiff.between(before, CatalogSnapshot.take(connection), "before up", "after down");

            // THEN
            assertThat(diff.lines()).containsExactly("index public.t_n_key: differs:"
                    + " before up `CREATE UNIQUE INDEX t_n_key ON public.t USING btree (n)`,"
                    + " after down `CREATE UNIQUE INDEX t_n_key ON public.t USING btree (n) INVALID`");
        }
    }

    @Test
    void should_list_an_extension_and_not_its_members() throws SQLException {
        try (ScratchDatabase database = server.createDatabase("catalog_extension")) {
            CatalogSnapshot before = snapshot(database);

            execute(database, "CREATE EXTENSION pg_trgm");

            assertThat(CatalogDiff.between(before, snapshot(database)).lines()).containsExactly(
                    "comment on extension pg_trgm: present after, absent before",
                    "extension pg_trgm: present after, absent before");
        }
    }
}
