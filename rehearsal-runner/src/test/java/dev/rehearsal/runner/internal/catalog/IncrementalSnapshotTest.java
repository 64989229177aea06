package dev.rehearsal.runner.internal.catalog;

import static dev.rehearsal.runner.internal.catalog.CatalogFixtures.execute;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.internal.trace.Instrumentation;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An incremental snapshot equals a whole read after every kind of change, including those that change how objects
 * of other relations print (a renamed table, column, sequence or type), and reads as little as it can.
 */
@Tag("slow") // every catalog change read through the fingerprint and the DDL log against a whole read (about 16 s)
class IncrementalSnapshotTest {

    private static PostgresServer server;
    // one database and its sessions for every change, emptied between them: one session makes every change, as a
    // migration's does; the other two read what changed
    private static ScratchDatabase database;
    private static java.sql.Connection connection;
    private static CatalogSession fingerprint;
    private static CatalogSession ddlLog;

    @BeforeAll
    static void start() throws SQLException {
        server = PostgresProviders.embedded().start();
        CatalogFixtures.createRole(server);
        try (ScratchDatabase database = server.createDatabase("roles")) {
            execute(database, "CREATE ROLE incremental_reader NOLOGIN");
        }
        database = server.createDatabase("incremental");
        connection = database.connect();
        assertThat(Instrumentation.install(connection)).isTrue();
        fingerprint = CatalogSession.open(database.dataSource());
        ddlLog = CatalogSession.open(database.dataSource());
    }

    @AfterAll
    static void stop() throws Exception {
        try (AutoCloseable closeServer = server::close; ScratchDatabase closeDatabase = database;
             java.sql.Connection closeConnection = connection; CatalogSession closeFingerprint = fingerprint;
             CatalogSession closeDdlLog = ddlLog) {
            // closed in reverse order: the sessions, the connection, the database, the server
        }
    }

    /** Changes whose effect shows on objects of relations the change does not touch. */
    static Stream<CatalogChangeDetectionTest.Change> crossObjectChanges() {
        String table = "CREATE TABLE t (id int PRIMARY KEY, n int);";
        return Stream.of(
                change(table + " CREATE TABLE c (t_id int REFERENCES t);", "ALTER TABLE t RENAME TO t2"),
                change(table + " CREATE TABLE c (t_id int REFERENCES t);", "ALTER TABLE t RENAME COLUMN id TO key"),
                change(table + " CREATE VIEW v AS SELECT n FROM t;", "ALTER TABLE t RENAME COLUMN n TO m"),
                change(table + " CREATE VIEW v AS SELECT n FROM t;", "ALTER TABLE t RENAME TO t2"),
                change(table + " CREATE MATERIALIZED VIEW m AS SELECT n FROM t;", "ALTER TABLE t RENAME TO t2"),
                change("CREATE SEQUENCE s; CREATE TABLE u (id bigint DEFAULT nextval('s'));", "ALTER SEQUENCE s RENAME TO s2"),
                change("CREATE TABLE u (id serial);", "ALTER TABLE u RENAME TO u2"),
                change("CREATE TABLE u (id serial);", "ALTER TABLE u RENAME COLUMN id TO key"),
                change("CREATE TABLE u (id int GENERATED ALWAYS AS IDENTITY);", "ALTER SEQUENCE u_id_seq INCREMENT BY 3"),
                change("CREATE TYPE mood AS ENUM ('ok'); CREATE TABLE u (m mood);", "ALTER TYPE mood RENAME TO feeling"),
                change("CREATE DOMAIN d AS int; CREATE TABLE u (x d);", "ALTER DOMAIN d RENAME TO d2"),
                change("CREATE SCHEMA a; CREATE TABLE a.t (id int);", "ALTER SCHEMA a RENAME TO b"),
                change(table + " CREATE TABLE holder (x t, xs t[]);", "ALTER TABLE t RENAME TO t2"),
                change(table + " CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';"
                        + " CREATE TRIGGER t_touch BEFORE UPDATE ON t FOR EACH ROW EXECUTE FUNCTION touch();",
                        "ALTER FUNCTION touch() RENAME TO touch2"),
                change("CREATE TABLE e (d date) PARTITION BY RANGE (d);"
                        + " CREATE TABLE e1 PARTITION OF e FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');",
                        "ALTER TABLE e RENAME TO e0"),
                change(table + " CREATE TABLE child (extra int) INHERITS (t);", "ALTER TABLE t RENAME TO t2"),
                // the partition or child that leaves no longer depends on the table the command names
                change("CREATE TABLE e (d date) PARTITION BY RANGE (d);"
                        + " CREATE TABLE e1 PARTITION OF e FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');",
                        "ALTER TABLE e DETACH PARTITION e1"),
                change(table + " CREATE TABLE child (extra int) INHERITS (t);", "ALTER TABLE child NO INHERIT t"),
                // no event trigger fires for CLUSTER, which marks the index it used
                change(table + " CREATE INDEX t_n_idx ON t (n);", "CLUSTER t USING t_n_idx"),
                change(table + " CREATE INDEX t_n_idx ON t (n);", "UPDATE pg_index SET indisclustered = true "
                        + "WHERE indexrelid = 't_n_idx'::regclass"),
                change(table + " CREATE TABLE o (id int); CREATE POLICY p ON t USING (n IN (SELECT id FROM o));",
                        "ALTER TABLE o RENAME TO o2"),
                change(table + " CREATE STATISTICS st ON id, n FROM t;", "ALTER TABLE t RENAME COLUMN n TO m"),
                change(table + " CREATE INDEX t_n_idx ON t (n);", "ALTER INDEX t_n_idx RENAME TO t_n_index"),
                change(table + " CREATE INDEX t_n_idx ON t (n);", "DROP INDEX t_n_idx"),
                // an index dropped by itself is found through the tables its session holds ACCESS EXCLUSIVE
                change("CREATE TABLE e (d date) PARTITION BY RANGE (d);"
                        + " CREATE TABLE e1 PARTITION OF e FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');"
                        + " CREATE INDEX e_d ON e (d);", "DROP INDEX e_d"),
                change("CREATE MATERIALIZED VIEW mv AS SELECT 1 AS x; CREATE INDEX mv_x ON mv (x);", "DROP INDEX mv_x"),
                change(table + " CREATE INDEX t_n_idx ON t (n); CLUSTER t USING t_n_idx;", "DROP INDEX t_n_idx"),
                change("CREATE TABLE r (id int NOT NULL); CREATE UNIQUE INDEX r_id ON r (id);"
                        + " ALTER TABLE r REPLICA IDENTITY USING INDEX r_id;", "DROP INDEX r_id"),
                change(table + " CREATE TABLE o (id int); CREATE INDEX t_n_idx ON t (n);",
                        "ALTER TABLE o ADD COLUMN note text; DROP INDEX t_n_idx"),
                change(table + " ALTER TABLE t ADD CONSTRAINT n_positive CHECK (n > 0);",
                        "ALTER TABLE t DROP CONSTRAINT n_positive"),
                change(table + " CREATE TABLE c (t_id int REFERENCES t);", "DROP TABLE t CASCADE"),
                change(table + " CREATE VIEW v AS SELECT n FROM t;", "DROP VIEW v"),
                change(table + " COMMENT ON COLUMN t.n IS 'n';", "COMMENT ON COLUMN t.n IS NULL"),
                change(table + " GRANT SELECT ON t TO incremental_reader;", "REVOKE SELECT ON t FROM incremental_reader"),
                change(table + " GRANT SELECT ON t TO incremental_reader;",
                        "ALTER ROLE incremental_reader RENAME TO incremental_reader_2;"
                                + " ALTER ROLE incremental_reader_2 RENAME TO incremental_reader"),
                change(table + " ALTER TABLE t ALTER n SET DEFAULT 1;", "ALTER TABLE t ALTER n DROP DEFAULT"),
                change(table + " CREATE RULE r AS ON DELETE TO t DO INSTEAD NOTHING;", "DROP RULE r ON t"),
                change(table + " CREATE POLICY p ON t USING (n > 0);", "DROP POLICY p ON t"),
                change("CREATE TABLE u (a int);", "ALTER TABLE u DROP COLUMN a; ALTER TABLE u ADD COLUMN a int"),
                change(table, "CREATE TABLE t_new (id int); DROP TABLE t; ALTER TABLE t_new RENAME TO t"),
                change(table, "SELECT 1"));
    }

    private static CatalogChangeDetectionTest.Change change(String setup, String change) {
        return new CatalogChangeDetectionTest.Change(setup, change, change + ":");
    }

    static Stream<CatalogChangeDetectionTest.Change> allChanges() {
        return Stream.concat(CatalogChangeDetectionTest.changes(), crossObjectChanges());
    }

    /**
     * Two sessions watch the same change: one reads what changed from the fingerprint only, as on a server where
     * Rehearsal may not create event triggers; the other from the DDL log where it can answer (the engine's case).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("allChanges")
    void should_equal_a_whole_read_after_the_change(CatalogChangeDetectionTest.Change change) throws SQLException {
        // GIVEN
        CatalogFixtures.emptied(connection);
        if (!change.setup().isEmpty()) {
            execute(connection, change.setup());
        }
        fingerprint.take();
        ddlLog.take();
        // WHEN the change ran (through DDL, unless the engine would see it may not have)
        execute(connection, change.change());
        boolean logged = !CatalogSession.bypassesDdlLog(change.change());
        // THEN
        CatalogSnapshot whole = fingerprint.takeWhole();
        assertThat(fingerprint.take(false)).as("from the fingerprint").isEqualTo(whole);
        assertThat(ddlLog.take(logged)).as("from the DDL log").isEqualTo(whole);
        // and once more with nothing changed since
        execute(connection, "SELECT 1");
        whole = fingerprint.takeWhole();
        assertThat(fingerprint.take(false)).as("from the fingerprint, unchanged").isEqualTo(whole);
        assertThat(ddlLog.take(true)).as("from the DDL log, unchanged").isEqualTo(whole);
    }

    @Test
    void should_answer_from_the_ddl_log_for_relations_and_fall_back_to_the_fingerprint_for_anything_else()
            throws SQLException {
        try (ScratchDatabase database = server.createDatabase("ddl_log_counts")) {
            try (java.sql.Connection connection = database.connect()) {
                Instrumentation.install(connection);
            }
            try (CatalogSession session = CatalogSession.open(database.dataSource())) {
                execute(database, "CREATE TABLE a (id int); CREATE TABLE b (id int)");
                session.take();

                // nothing since; a new column and index (from the log); an index dropped by itself (from the log:
                // the tables its session holds ACCESS EXCLUSIVE); a new type (fingerprint, whole read); a new role
                // granted on b (roles are seen by no event trigger: fingerprint)
                for (String step : List.of("SELECT 1", "ALTER TABLE a ADD COLUMN note text; CREATE INDEX a_note ON a (note)",
                        "DROP INDEX a_note", "CREATE TYPE mood AS ENUM ('ok')",
                        "CREATE ROLE ddl_log_reader NOLOGIN; GRANT SELECT ON b TO ddl_log_reader")) {
                    execute(database, step);
                    assertThat(session.take(true)).as(step).isEqualTo(session.takeWhole());
                }
                execute(database, "REVOKE SELECT ON b FROM ddl_log_reader; DROP ROLE ddl_log_reader");

                assertThat(session.counts().fromLog()).isEqualTo(3);
                // the first, and the ones after the new type and the new role (roles are fingerprinted as one)
                assertThat(session.counts().whole()).isEqualTo(3);
            }
        }
    }

    @Test
    @Tag("slow") // a second server, of another major
    void should_equal_a_whole_read_on_the_oldest_supported_major() throws SQLException {
        try (PostgresServer oldest = PostgresProviders.embedded(13).start()) {
            try (ScratchDatabase database = oldest.createDatabase("roles")) {
                execute(database, "CREATE ROLE incremental_reader NOLOGIN");
            }
            for (CatalogChangeDetectionTest.Change change : crossObjectChanges().toList()) {
                try (ScratchDatabase database = oldest.createDatabase("incremental_13");
                     java.sql.Connection connection = database.connect();
                     CatalogSession session = CatalogSession.open(database.dataSource())) {
                    execute(connection, change.setup());
                    session.take();
                    execute(connection, change.change());
                    assertThat(session.take()).as(change.change()).isEqualTo(session.takeWhole());
                }
            }
        }
    }

    @Test
    void should_read_nothing_when_nothing_changed_and_only_the_changed_relations_otherwise() throws SQLException {
        try (ScratchDatabase database = server.createDatabase("incremental_counts");
             CatalogSession session = CatalogSession.open(database.dataSource())) {
            execute(database, "CREATE TABLE a (id int); CREATE TABLE b (id int)");
            session.take();

            session.take();
            execute(database, "ALTER TABLE a ADD COLUMN note text");
            CatalogSnapshot afterAdd = session.take();
            execute(database, "CREATE TYPE mood AS ENUM ('ok')");
            CatalogSnapshot afterType = session.take();

            assertThat(session.counts().unchanged()).isEqualTo(1);
            assertThat(session.counts().partial()).isEqualTo(1);
            assertThat(session.counts().whole()).isEqualTo(2); // the first, and the one after the new type
            assertThat(afterAdd.find("column public.a.note")).isPresent();
            assertThat(afterType.find("type public.mood")).isPresent();
        }
    }
}
