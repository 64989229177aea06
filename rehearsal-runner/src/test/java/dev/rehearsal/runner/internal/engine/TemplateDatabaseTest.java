package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.TemplateDatabase;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.config.Server;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.Await;
import dev.rehearsal.runner.support.MigrationFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code templateDatabase}: a copy of production on a server the user runs (here a second embedded server, holding a
 * database migrated by Flyway and filled with rows) is cloned for each rehearsal database; only what its history
 * table lacks is rehearsed, on its real rows, nothing is seeded, and the copy itself is never changed.
 */
@Tag("slow") // whole rehearsals on an external server
class TemplateDatabaseTest {

    private static final Pattern HOST_PORT = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/");
    private static final int ORDERS = 20_000;

    private static PostgresServer their;
    private static String hostPort;

    @TempDir
    Path dir;

    @BeforeAll
    static void startTheirServer() {
        their = PostgresProviders.embedded().start();
        try (ScratchDatabase probe = their.createDatabase("probe")) {
            Matcher m = HOST_PORT.matcher(probe.jdbcUrl());
            assertThat(m.find()).isTrue();
            hostPort = m.group(1) + ":" + m.group(2);
        }
    }

    @AfterAll
    static void stopTheirServer() {
        their.close();
    }

    private static String url(String database) {
        return "jdbc:postgresql://" + hostPort + "/" + database + "?user=postgres";
    }

    private MigrationFiles chain() {
        return MigrationFiles.in(dir.resolve("migrations"))
                .file("V1__accounts.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL);")
                .file("V2__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, "
                        + "account_id bigint NOT NULL REFERENCES accounts (id), total integer NOT NULL);")
                .file("V3__orders_total_bigint.sql", "ALTER TABLE orders ALTER COLUMN total TYPE bigint;")
                .file("U3__orders_total_bigint.sql", "ALTER TABLE orders ALTER COLUMN total TYPE integer;");
    }

    /** Production's copy: V1 and V2 applied by Flyway itself (so its history table is Flyway's own), then rows. */
    private static String production(Path migrations, String through) throws SQLException {
        String name = "prod_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        sql("postgres", "CREATE DATABASE " + name);
        Flyway.configure().dataSource(url(name), null, null).locations("filesystem:" + migrations)
                .target(through).load().migrate();
        sql(name, "INSERT INTO accounts SELECT g, 'a' || g || '@example.com' FROM generate_series(1, 100) g",
                "INSERT INTO orders SELECT g, 1 + g % 100, g FROM generate_series(1, " + ORDERS + ") g");
        return name;
    }

    private static Report rehearse(Path migrations, String template, Consumer<RehearsalConfig.Builder> settings) {
        RehearsalConfig.Builder builder = RehearsalConfig.builder()
                .migrations(migrations.toString())
                .server(new Server(null, null, null, url("postgres"), false))
                .templateDatabase(template)
                .load(false);
        settings.accept(builder);
        return new RehearsalEngine(builder.build()).run();
    }

    @Test
    void should_rehearse_the_pending_migration_on_the_copys_rows_without_seeding_and_leave_the_copy_unchanged()
            throws SQLException {
        // GIVEN production's copy at V2, with 20,000 orders
        Path migrations = chain().path();
        String template = production(migrations, "2");
        String before = fingerprint(template);
        List<String> databasesBefore = strings("postgres", "SELECT datname FROM pg_database ORDER BY 1");

        // WHEN rehearsed on it, under load
        Report report = rehearse(migrations, template, config -> config.load(true).loadRate(50));

        // THEN only V3 is rehearsed, on the copy's rows, none of them generated
        assertThat(report.migrations()).extracting(MigrationReport::version).containsExactly("3");
        MigrationReport v3 = report.migrations().get(0);
        assertThat(v3.seed()).isNull();
        assertThat(v3.roundTrip().up().json()).isEqualTo("ok");
        assertThat(v3.findings()).extracting(Finding::code).contains("TABLE_REWRITE");
        assertThat(v3.findings().stream().filter(f -> f.code().equals("TABLE_REWRITE")).findFirst().orElseThrow()
                .evidence()).contains("all 20,000 rows of public.orders");
        // AND the report says what it started from
        assertThat(report.appliedHistory().versions()).containsExactly("1", "2");
        TemplateDatabase copy = report.appliedHistory().template();
        assertThat(copy.name()).isEqualTo(template);
        assertThat(copy.historyTable()).isEqualTo("public.flyway_schema_history");
        assertThat(copy.tables()).isEqualTo(3);
        assertThat(copy.rows()).isGreaterThanOrEqualTo(ORDERS + 100);
        assertThat(report.settings()).containsEntry("templateDatabase", template);
        // AND Flyway, on a clone of the copy, applies V3 on top of its own history and agrees
        assertThat(report.findings()).isEmpty();
        // AND the copy holds exactly what it held, and no database is left behind
        assertThat(fingerprint(template)).isEqualTo(before);
        assertThat(strings("postgres", "SELECT datname FROM pg_database ORDER BY 1")).isEqualTo(databasesBefore);
    }

    @Test
    void should_refuse_a_copy_another_session_uses_without_ending_that_session() throws SQLException {
        Path migrations = chain().path();
        String template = production(migrations, "2");
        List<String> databasesBefore = strings("postgres", "SELECT datname FROM pg_database ORDER BY 1");
        try (Connection someone = DriverManager.getConnection(url(template))) {
            assertThatThrownBy(() -> rehearse(migrations, template, config -> { }))
                    .isInstanceOfSatisfying(RehearsalException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.TEMPLATE_IN_USE))
                    .hasMessageContaining("Refusing to clone the template database " + template + ": 1 other session")
                    .hasMessageContaining("never ends sessions it did not open")
                    .hasMessageContaining("FROM pg_stat_activity WHERE datname = '" + template + "'");
            assertThat(someone.isValid(5)).isTrue();
        }
        assertThat(strings("postgres", "SELECT datname FROM pg_database ORDER BY 1")).isEqualTo(databasesBefore);
    }

    @Test
    void should_clone_a_copy_whose_last_session_ends_while_the_rehearsal_starts() throws Exception {
        // GIVEN a session on the copy whose client goes away once the rehearsal has connected to the server, while
        // its backend is still busy: the backend stays in pg_stat_activity until its query ends (up to 3 s), as an
        // ending session does for a moment, and PostgreSQL's CREATE DATABASE waits up to 5 s for such sessions
        Path migrations = chain().path();
        String template = production(migrations, "2");
        Connection someone = DriverManager.getConnection(url(template));
        CompletableFuture<Void> busy = CompletableFuture.runAsync(() -> {
            try (Statement sleep = someone.createStatement()) {
                sleep.execute("SELECT pg_sleep(3)");
            } catch (SQLException e) {
                // the connection was aborted under it: expected
            }
        });
        CompletableFuture<Report> run = CompletableFuture.supplyAsync(() -> rehearse(migrations, template, config -> { }));
        Await.until("the rehearsal's admin session", () -> strings("postgres", "SELECT application_name FROM "
                + "pg_stat_activity WHERE application_name = 'rehearsal-admin'"), names -> !names.isEmpty() || run.isDone());
        someone.abort(Runnable::run);
        busy.get(1, TimeUnit.MINUTES);

        // THEN the rehearsal waits for it instead of refusing the copy, and rehearses V3 on it
        Report report = run.get(5, TimeUnit.MINUTES);
        assertThat(report.migrations()).extracting(MigrationReport::version).containsExactly("3");
    }

    @Test
    void should_say_a_missing_copy_is_bad_input_and_name_the_databases_there_are() throws SQLException {
        List<String> databasesBefore = strings("postgres", "SELECT datname FROM pg_database ORDER BY 1");
        assertThatThrownBy(() -> rehearse(chain().path(), "prod_nowhere", config -> { }))
                .isInstanceOfSatisfying(RehearsalException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TEMPLATE_NOT_FOUND))
                .hasMessageContaining("The template database prod_nowhere does not exist on the server (its "
                        + "databases: ")
                .hasMessageContaining("postgres");
        assertThat(strings("postgres", "SELECT datname FROM pg_database ORDER BY 1")).isEqualTo(databasesBefore);
    }

    @Test
    void should_refuse_a_copy_whose_history_the_chain_does_not_continue() throws SQLException {
        // GIVEN a copy at V3, rehearsed with a chain that ends at V2
        MigrationFiles files = chain();
        String template = production(files.path(), "3");
        Path older = MigrationFiles.in(dir.resolve("older"))
                .file("V1__accounts.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL);")
                .file("V2__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, "
                        + "account_id bigint NOT NULL REFERENCES accounts (id), total integer NOT NULL);").path();

        assertThatThrownBy(() -> rehearse(older, template, config -> { }))
                .isInstanceOfSatisfying(RehearsalException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TEMPLATE_HISTORY_MISMATCH))
                .hasMessageContaining("public.flyway_schema_history names version 3, which the chain does not hold");
        // AND pendingAfter that contradicts the table is bad input too
        assertThatThrownBy(() -> rehearse(files.path(), template, config -> config.pendingAfter("2")))
                .isInstanceOfSatisfying(RehearsalException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TEMPLATE_HISTORY_MISMATCH))
                .hasMessageContaining("pendingAfter says the copy holds the migrations up to version 2, but");
        assertThat(strings("postgres", "SELECT datname FROM pg_database WHERE datname LIKE 'rehearsal%'")).isEmpty();
    }

    @Test
    void should_take_pending_after_from_a_copy_without_a_history_table() throws SQLException {
        // GIVEN a copy made without a migration tool: the schema of V1 and V2, and rows
        Path migrations = chain().path();
        String template = production(migrations, "2");
        sql(template, "DROP TABLE flyway_schema_history");

        Report report = rehearse(migrations, template, config -> config.pendingAfter("2").flywayParity(false));

        assertThat(report.migrations()).extracting(MigrationReport::version).containsExactly("3");
        assertThat(report.appliedHistory().template().historyTable()).isNull();
        assertThatThrownBy(() -> rehearse(migrations, template, config -> { }))
                .isInstanceOfSatisfying(RehearsalException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TEMPLATE_HISTORY_MISMATCH))
                .hasMessageContaining("holds none of the migration history tables")
                .hasMessageContaining("name the last one with pendingAfter");
    }

    @Test
    void should_read_prismas_history_table_and_refuse_a_copy_where_a_migration_failed() throws SQLException {
        // GIVEN Prisma folders, and a copy holding the first two as prisma migrate deploy leaves them
        Path migrations = MigrationFiles.in(dir.resolve("prisma"))
                .file("migration_lock.toml", "provider = \"postgresql\"\n")
                .file("20240101000000_accounts/migration.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY);")
                .file("20240102000000_orders/migration.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, "
                        + "total integer NOT NULL);\nINSERT INTO accounts VALUES (1);")
                .file("20240103000000_orders_total_bigint/migration.sql",
                        "ALTER TABLE orders ALTER COLUMN total TYPE bigint;").path();
        String name = "prod_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
        sql("postgres", "CREATE DATABASE " + name);
        sql(name, "CREATE TABLE accounts (id bigint PRIMARY KEY)",
                "CREATE TABLE orders (id bigint PRIMARY KEY, total integer NOT NULL)",
                "INSERT INTO orders SELECT g, g FROM generate_series(1, 1000) g",
                "CREATE TABLE _prisma_migrations (id varchar(36) PRIMARY KEY, checksum varchar(64) NOT NULL, "
                        + "finished_at timestamptz, migration_name varchar(255) NOT NULL, logs text, rolled_back_at "
                        + "timestamptz, started_at timestamptz NOT NULL DEFAULT now(), applied_steps_count integer "
                        + "NOT NULL DEFAULT 0)",
                "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at) VALUES "
                        + "('a', 'x', now(), '20240101000000_accounts', now() - interval '2 days'), "
                        + "('b', 'x', NULL, '20240102000000_orders', now() - interval '1 day' - interval '1 hour'), "
                        + "('c', 'x', NULL, '20240102000000_orders', now() - interval '1 day')");
        sql(name, "UPDATE _prisma_migrations SET rolled_back_at = now() WHERE id = 'b'");

        // WHEN the last attempt of the second migration failed (no finished_at, not rolled back)
        assertThatThrownBy(() -> rehearse(migrations, name, config -> { }))
                .isInstanceOfSatisfying(RehearsalException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.TEMPLATE_HISTORY_MISMATCH))
                .hasMessageContaining("public._prisma_migrations, 20240102000000_orders failed in it");

        // AND once it finished, only the third is rehearsed, on the copy's rows
        sql(name, "UPDATE _prisma_migrations SET finished_at = now() WHERE id = 'c'");
        Report report = rehearse(migrations, name, config -> { });
        assertThat(report.migrations()).extracting(MigrationReport::version).containsExactly("20240103000000");
        assertThat(report.appliedHistory().versions()).containsExactly("20240101000000", "20240102000000");
        assertThat(report.appliedHistory().template().historyTable()).isEqualTo("public._prisma_migrations");
        assertThat(report.migrations().get(0).findings()).extracting(Finding::code).contains("TABLE_REWRITE");
    }

    @Test
    void should_say_a_url_naming_the_copy_itself_is_bad_input() throws SQLException {
        // its own session on the copy would block every clone
        Path migrations = chain().path();
        String template = production(migrations, "2");
        assertThatThrownBy(() -> new RehearsalEngine(RehearsalConfig.builder().migrations(migrations.toString())
                .server(new Server(null, null, null, url(template), false)).templateDatabase(template).load(false)
                .build()).run())
                .isInstanceOfSatisfying(RehearsalException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION))
                .hasMessageContaining("The JDBC URL connects to " + template + ", the template database itself")
                .hasMessageContaining("point the URL at another database of the server");
        assertThat(strings("postgres", "SELECT datname FROM pg_database WHERE datname LIKE 'rehearsal%'")).isEmpty();
    }

    @Test
    void should_say_the_embedded_server_holds_no_copy_of_production() {
        assertThatThrownBy(() -> RehearsalConfig.builder().migrations("db").templateDatabase("prod_copy").build())
                .isInstanceOfSatisfying(RehearsalException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION))
                .hasMessageContaining("but the provider is embedded");
    }

    @Test
    void should_refuse_to_extrapolate_on_a_template_whose_rows_are_not_seeded() {
        dev.rehearsal.runner.stats.ProductionStats stats = new dev.rehearsal.runner.stats.ProductionStats(
                dev.rehearsal.runner.stats.ProductionStats.FORMAT_VERSION, java.time.Instant.now(), "18.6", "shop",
                java.util.List.of());
        assertThatThrownBy(() -> RehearsalConfig.builder().migrations("db").server(new Server(null, null, null, url("postgres"), false))
                .templateDatabase("prod_copy").productionStats(stats).build())
                .isInstanceOfSatisfying(RehearsalException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION))
                .hasMessageContaining("nothing is seeded");
    }

    /** The copy's rows and catalog, as one hash: any write to it changes it. */
    private static String fingerprint(String database) throws SQLException {
        return strings(database, "SELECT md5(string_agg(x, '|' ORDER BY x)) FROM ("
                + "SELECT format('%s.%s %s', c.relname, a.attname, format_type(a.atttypid, a.atttypmod)) AS x "
                + "FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = "
                + "c.relnamespace WHERE n.nspname = 'public' AND a.attnum > 0 "
                + "UNION ALL SELECT format('%s %s', c.relname, c.relfilenode) FROM pg_class c JOIN pg_namespace n "
                + "ON n.oid = c.relnamespace WHERE n.nspname = 'public' "
                + "UNION ALL SELECT (SELECT md5(string_agg(o::text, ',' ORDER BY id)) FROM orders o) "
                + "UNION ALL SELECT (SELECT md5(string_agg(a::text, ',' ORDER BY id)) FROM accounts a) "
                + "UNION ALL SELECT (SELECT md5(string_agg(f::text, ',' ORDER BY installed_rank)) "
                + "FROM flyway_schema_history f)) t").get(0);
    }

    private static void sql(String database, String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection(url(database)); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private static List<String> strings(String database, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url(database)); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }
}
