package dev.rehearsal.runner.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.SeedSummary;
import dev.rehearsal.report.SeedSummary.SeededTable;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.EmbeddedServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A chain's seedings count a table again only when the server shows that its rows may have changed; each way a
 * migration's session removes rows — DELETE, a cascade, a trigger, TRUNCATE — is seen at once, so the table is
 * topped up before the next migration and the summary reports what a count gives. Where the server cannot show it
 * (PostgreSQL 13), every table is counted.
 */
class RowCountsTest {

    private static final int ROWS = 300;
    private static final String SCHEMA = """
            CREATE TABLE parents (id bigint PRIMARY KEY, name text NOT NULL);
            CREATE TABLE children (id bigint PRIMARY KEY,
                                   parent_id bigint NOT NULL REFERENCES parents ON DELETE CASCADE);
            CREATE TABLE notes (id bigint PRIMARY KEY, body text);
            CREATE TABLE audit (id bigint PRIMARY KEY, body text);
            CREATE TABLE events (id bigint NOT NULL, at date NOT NULL) PARTITION BY RANGE (at);
            CREATE TABLE events_all PARTITION OF events DEFAULT;
            """;

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @Test
    void should_take_the_counts_of_tables_nothing_changed_from_the_earlier_seeding() throws SQLException {
        try (ScratchDatabase db = server.createDatabase("unchanged"); Connection session = db.connect()) {
            // GIVEN a chain's seeding that filled every table, and one more that counted them after the inserts
            Sql.execute(db, SCHEMA);
            RowCounts counts = new RowCounts();
            seed(session, counts);
            seed(session, counts);
            int before = counts.reused();

            // WHEN the next migration leaves the rows alone
            SeedSummary summary = seed(session, counts);

            // THEN the four plain tables' counts are the earlier ones, the partitioned table's is taken again
            assertThat(counts.reused() - before).isEqualTo(4);
            assertThat(rows(summary)).containsEntry("public.parents", (long) ROWS).containsEntry("public.notes",
                    (long) ROWS).containsEntry("public.events", (long) ROWS);
        }
    }

    @Test
    void should_count_again_and_top_up_what_the_migration_session_removed() throws SQLException {
        try (ScratchDatabase db = server.createDatabase("removed"); Connection session = db.connect()) {
            Sql.execute(db, SCHEMA + """
                    CREATE FUNCTION purge_audit() RETURNS trigger LANGUAGE plpgsql AS
                      'BEGIN DELETE FROM audit WHERE id % 3 = 0; RETURN NULL; END';
                    CREATE TRIGGER notes_purge AFTER UPDATE ON notes FOR EACH STATEMENT EXECUTE FUNCTION purge_audit();
                    """);
            RowCounts counts = new RowCounts();
            seed(session, counts);
            seed(session, counts);

            // WHEN the migration's session deletes parents (their children go by cascade), fires a trigger that
            // deletes audit rows, and truncates notes, each in its own transaction, just before the next seeding
            try (Statement statement = session.createStatement()) {
                statement.execute("DELETE FROM parents WHERE id % 2 = 0");
                statement.execute("UPDATE notes SET body = body WHERE id = 1");
                statement.execute("TRUNCATE notes");
            }
            SeedSummary summary = seed(session, counts);

            // THEN every one of them was counted again and filled up to the row count
            for (String table : List.of("parents", "children", "audit", "notes")) {
                assertThat(Sql.number(db, "SELECT count(*) FROM " + table)).as(table).isEqualTo(ROWS);
                assertThat(rows(summary)).containsEntry("public." + table, (long) ROWS);
            }
        }
    }

    @Test
    void should_top_up_with_keys_past_those_of_the_rows_left_when_a_migration_deleted_some() throws SQLException {
        try (ScratchDatabase db = server.createDatabase("keys_past"); Connection session = db.connect()) {
            // GIVEN a table whose key comes from the row ordinal, filled, then six rows deleted by a migration
            Sql.execute(db, "CREATE TABLE tokens (id uuid PRIMARY KEY, body text)");
            RowCounts counts = new RowCounts();
            seed(session, counts);
            Sql.execute(db, "DELETE FROM tokens WHERE id IN (SELECT id FROM tokens ORDER BY id LIMIT 6)");

            // WHEN the next seeding tops it up
            SeedSummary summary = seed(session, counts);

            // THEN the six new rows take keys no row there was generated with (counting on from the 294 rows left
            // gave the keys of the last six rows again: every one refused as a duplicate, the table six short)
            assertThat(summary.tables()).filteredOn(t -> t.relation().equals("public.tokens"))
                    .singleElement().satisfies(t -> {
                        assertThat(t.rows()).isEqualTo(ROWS);
                        assertThat(t.note()).isNull();
                    });
        }
    }

    @Test
    void should_count_again_the_tables_another_session_wrote_and_everything_when_a_name_is_not_known()
            throws SQLException {
        try (ScratchDatabase db = server.createDatabase("elsewhere"); Connection session = db.connect()) {
            Sql.execute(db, SCHEMA);
            RowCounts counts = new RowCounts();
            seed(session, counts);
            seed(session, counts);

            // WHEN notes is said to have been written elsewhere
            counts.forget(List.of("public.notes"));
            int before = counts.reused();
            seed(session, counts);

            // THEN only notes (and the partitioned table) were counted again
            assertThat(counts.reused() - before).isEqualTo(3);

            // WHEN a table the last seeding did not see is named, or anything may have changed
            counts.forget(List.of("public.renamed_since"));
            before = counts.reused();
            seed(session, counts);
            assertThat(counts.reused() - before).isZero();
            seed(session, counts);
            counts.forgetAll();
            before = counts.reused();
            seed(session, counts);
            assertThat(counts.reused() - before).isZero();
        }
    }

    @Test
    @Tag("slow") // a second PostgreSQL major
    void should_count_every_time_on_a_server_that_cannot_send_its_counters_on_demand() throws SQLException {
        try (PostgresServer older = PostgresProviders.embedded(13).start();
             ScratchDatabase db = older.createDatabase("older"); Connection session = db.connect()) {
            Sql.execute(db, SCHEMA);
            RowCounts counts = new RowCounts();
            for (int i = 0; i < 3; i++) {
                assertThat(rows(seed(session, counts))).containsEntry("public.notes", (long) ROWS);
            }
            assertThat(counts.reused()).isZero();
        }
    }

    private static SeedSummary seed(Connection session, RowCounts counts) {
        return Seeder.seed(session, null, SeedOptions.defaults().rows(ROWS), ChainDemands.NONE, table -> true, counts);
    }

    private static Map<String, Long> rows(SeedSummary summary) {
        return summary.tables().stream().collect(Collectors.toMap(SeededTable::relation, SeededTable::rows));
    }
}
