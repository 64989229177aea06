package dev.rehearsal.runner.internal.catalog;

import static dev.rehearsal.runner.internal.catalog.CatalogFixtures.FULL_SCHEMA;
import static dev.rehearsal.runner.internal.catalog.CatalogFixtures.execute;
import static dev.rehearsal.runner.internal.catalog.CatalogFixtures.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/** What a snapshot must do on every supported PostgreSQL version; each subclass brings one server. */
abstract class CatalogSnapshotContract {

    abstract PostgresServer server();

    @Test
    void should_list_every_kind_of_object_with_qualified_oid_free_definitions() throws SQLException {
        try (ScratchDatabase database = server().createDatabase("catalog_kinds")) {
            execute(database, FULL_SCHEMA);

            CatalogSnapshot snapshot = snapshot(database);

            assertThat(snapshot.countByKind()).containsOnlyKeys(EnumSet.allOf(ObjectKind.class));
            assertThat(definition(snapshot, "column app.accounts.id"))
                    .isEqualTo("bigint not null generated always as identity (start 100 increment 5)");
            assertThat(definition(snapshot, "column app.accounts.country"))
                    .isEqualTo("text generated always as ((profile ->> 'country'::text)) stored");
            assertThat(definition(snapshot, "column app.accounts.name"))
                    .isEqualTo("text collate \"C\" default 'unknown'::text storage external");
            assertThat(definition(snapshot, "column app.accounts.status"))
                    .isEqualTo("app.account_status not null default 'new'::app.account_status");
            assertThat(definition(snapshot, "index app.accounts_active_idx"))
                    .endsWith("USING btree (email) WHERE (status = 'active'::app.account_status)");
            assertThat(definition(snapshot, "index app.accounts_plan_idx")).contains("((profile ->> 'plan'::text))");
            assertThat(definition(snapshot, "index app.accounts_pkey")).endsWith("(primary key)");
            assertThat(definition(snapshot, "table app.events")).isEqualTo("partition by RANGE (happened_at)");
            assertThat(definition(snapshot, "table app.events_2024"))
                    .endsWith("partition of app.events FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')");
            assertThat(definition(snapshot, "table app.sessions")).isEqualTo("unlogged, using heap, with (fillfactor=70)");
            assertThat(definition(snapshot, "foreign table app.imported")).contains("server files");
            assertThat(definition(snapshot, "constraint app.invoices.invoices_account_fk"))
                    .isEqualTo("FOREIGN KEY (account_id) REFERENCES app.accounts(id) NOT VALID");
            assertThat(definition(snapshot, "constraint app.accounts.accounts_email_key"))
                    .isEqualTo("UNIQUE (email) DEFERRABLE INITIALLY DEFERRED");
            assertThat(definition(snapshot, "sequence app.invoice_number_seq"))
                    .isEqualTo("as integer start 1000 increment 10 maxvalue 999999 cycle owned by app.invoices.number");
            assertThat(definition(snapshot, "type app.account_status")).isEqualTo("enum ('new', 'active', 'closed')");
            assertThat(definition(snapshot, "type app.address"))
                    .isEqualTo("composite (street text, city text collate \"C\", zip character varying(10))");
            assertThat(definition(snapshot, "domain app.email")).isEqualTo("over text collate \"C\" not null"
                    + " default 'nobody@example.org'::text constraint email_has_at CHECK ((VALUE ~~ '%@%'::text))");
            assertThat(definition(snapshot, "trigger app.sessions.sessions_touch")).endsWith(
                    "EXECUTE FUNCTION app.touch_updated_at() (disabled)");
            assertThat(definition(snapshot, "function app.touch_updated_at()")).contains("NEW.updated_at := now();");
            assertThat(definition(snapshot, "view app.active_accounts")).startsWith("with (security_barrier=true)");
            assertThat(definition(snapshot, "extension pg_trgm")).matches("version [0-9.]+ in schema app");
            assertThat(definition(snapshot, "row level security app.accounts")).isEqualTo("enabled, forced");
            assertThat(definition(snapshot, "policy app.accounts.accounts_tenant"))
                    .isEqualTo("permissive for select to catalog_reader using ((tenant = CURRENT_USER))");
            assertThat(definition(snapshot, "grant on table app.accounts to catalog_reader")).isEqualTo("SELECT");
            assertThat(definition(snapshot, "grant on column app.accounts.name to catalog_reader")).isEqualTo("UPDATE");
            assertThat(definition(snapshot, "grant on view app.active_accounts to catalog_reader"))
                    .isEqualTo("SELECT with grant option");
            assertThat(definition(snapshot, "grant on function app.plan_of(jsonb) to PUBLIC")).isEqualTo("none");
            assertThat(definition(snapshot, "default privileges on tables in schema app created by "
                    + database.user() + " to catalog_reader")).isEqualTo("SELECT");
            assertThat(definition(snapshot, "comment on column app.accounts.email")).isEqualTo("login e-mail");
            assertThat(definition(snapshot, "comment on index app.accounts_created_idx"))
                    .isEqualTo("for the recent accounts page");
            assertThat(definition(snapshot, "event trigger app_log_ddl"))
                    .isEqualTo("on ddl_command_end when tag in (CREATE TABLE) execute app.log_ddl()");
            assertThat(snapshot.columnOrder().get("app.invoices")).containsExactly("number", "account_id", "amount",
                    "serial_no");
        }
    }

    @Test
    void should_leave_out_history_tables_rehearsal_objects_and_extension_members() throws SQLException {
        try (ScratchDatabase database = server().createDatabase("catalog_ignored")) {
            execute(database, FULL_SCHEMA);

            CatalogSnapshot snapshot = snapshot(database);

            assertThat(snapshot.objects().keySet())
                    .noneMatch(identity -> identity.contains("flyway_schema_history"))
                    .noneMatch(identity -> identity.contains("rehearsal"))
                    .noneMatch(identity -> identity.contains("similarity")) // a function of pg_trgm
                    .noneMatch(identity -> identity.contains("gin_trgm_ops"))
                    .doesNotContain("sequence app.accounts_id_seq") // behind the identity column
                    .noneMatch(identity -> identity.startsWith("function app.score_range(")); // range constructor
            assertThat(snapshot.columnOrder()).doesNotContainKey("app.flyway_schema_history");
        }
    }

    @Test
    void should_find_no_difference_between_two_snapshots_of_an_unchanged_schema() throws SQLException {
        try (ScratchDatabase database = server().createDatabase("catalog_unchanged")) {
            execute(database, FULL_SCHEMA);

            CatalogDiff diff = CatalogDiff.between(snapshot(database), snapshot(database));

            assertThat(diff.lines()).isEmpty();
            assertThat(diff.columnOrderLines()).isEmpty();
        }
    }

    @Test
    void should_find_no_difference_when_the_schema_is_dropped_and_created_again() throws SQLException {
        try (ScratchDatabase database = server().createDatabase("catalog_recreated")) {
            execute(database, FULL_SCHEMA);
            CatalogSnapshot before = snapshot(database);

            // WHEN every object is dropped and created again, under new OIDs
            execute(database, "DROP SCHEMA app, _rehearsal CASCADE");
            execute(database, FULL_SCHEMA);
            CatalogSnapshot after = snapshot(database);

            // THEN nothing differs
            CatalogDiff diff = CatalogDiff.between(before, after, "before up", "after down");
            assertThat(diff.isEmpty()).as("differences: %s", diff.lines()).isTrue();
            assertThat(diff.columnOrderLines()).isEmpty();
            assertThat(after).isEqualTo(before);
        }
    }

    @Test
    void should_ignore_data_sequence_positions_and_statistics() throws SQLException {
        try (ScratchDatabase database = server().createDatabase("catalog_data")) {
            execute(database, FULL_SCHEMA);
            CatalogSnapshot before = snapshot(database);

            execute(database, """
                    INSERT INTO app.accounts (email, profile) SELECT 'a' || i || '@example.org', '{"plan": "pro"}'
                    FROM generate_series(1, 500) AS i;
                    INSERT INTO app.invoices (account_id, amount) SELECT id, 10 FROM app.accounts;
                    INSERT INTO app.events VALUES (1, '2024-05-01', '{}'), (2, '2030-01-01', NULL);
                    SELECT setval('app.invoice_number_seq', 5000);
                    REFRESH MATERIALIZED VIEW app.account_counts;
                    ANALYZE;
                    """);

            assertThat(CatalogDiff.between(before, snapshot(database)).lines()).isEmpty();
        }
    }

    @Test
    void should_read_the_same_catalog_as_a_user_that_owns_nothing() throws SQLException {
        try (ScratchDatabase database = server().createDatabase("catalog_unprivileged");
             Connection connection = database.connect()) {
            execute(connection, FULL_SCHEMA);
            CatalogSnapshot asOwner = CatalogSnapshot.take(connection);

            execute(connection, "SET ROLE " + CatalogFixtures.ROLE);
            CatalogSnapshot asReader = CatalogSnapshot.take(connection);

            assertThat(CatalogDiff.between(asOwner, asReader).lines()).isEmpty();
        }
    }

    private static String definition(CatalogSnapshot snapshot, String identity) {
        assertThat(snapshot.objects()).containsKey(identity);
        return snapshot.objects().get(identity).definition();
    }
}
