package dev.rehearsal.runner.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.SeedSummary;
import dev.rehearsal.report.SeedSummary.SeededTable;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.EmbeddedServer;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A chain's seeding does not offer a table the rows it refused before the previous migration while nothing that
 * decides them has changed, and offers them again as soon as something has: the table's triggers' functions, the
 * rows of a table it references, its rows. Counted with a sequence the refusing trigger advances for every row it
 * sees (a sequence outlives the rollbacks), so the assertions are on rows offered, not on time.
 */
class UnfilledTablesTest {

    private static final int ROWS = 5_000;
    private static final String REFUSE = """
            CREATE OR REPLACE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN PERFORM nextval('offered'); RAISE EXCEPTION 'frozen table'; END $$;
            """;

    /** A table whose trigger refuses every row. */
    private static final String FROZEN = "CREATE SEQUENCE offered;\nCREATE TABLE frozen (id bigint PRIMARY KEY, note text);\n"
            + REFUSE + "CREATE TRIGGER frozen_refuse BEFORE INSERT ON frozen FOR EACH ROW EXECUTE FUNCTION refuse();";

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @Test
    void should_not_offer_refused_rows_again_while_nothing_changed() throws SQLException {
        try (ScratchDatabase db = server.createDatabase("unfilled_same"); Connection session = db.connect()) {
            // GIVEN a table whose trigger refuses every row, and a chain's seeding that tried it
            Sql.execute(db, FROZEN);
            RowCounts counts = new RowCounts();
            SeededTable first = only(seed(session, counts));
            long offered = offered(db);

            // WHEN the next migration changes nothing that decides those rows (it creates a view; a new table could be
            // one the trigger's function reads, so that would count as a change)
            migrate(session, "CREATE VIEW frozen_notes AS SELECT note FROM frozen");
            SeedSummary second = seed(session, counts);

            // THEN no row reaches the trigger again, and the table's outcome is the same
            assertThat(first.rows()).isZero();
            assertThat(first.note()).contains("accepted 0 of");
            assertThat(offered(db)).isEqualTo(offered);
            assertThat(second.tables()).filteredOn(t -> t.relation().equals("public.frozen")).containsExactly(first);
            assertThat(counts.unfilled().skipped()).isEqualTo(1);
        }
    }

    @Test
    void should_offer_rows_again_once_the_trigger_function_changed() throws SQLException {
        try (ScratchDatabase db = server.createDatabase("unfilled_function"); Connection session = db.connect()) {
            // GIVEN a table refused before the previous migration
            Sql.execute(db, FROZEN);
            RowCounts counts = new RowCounts();
            seed(session, counts);

            // WHEN the migration replaces the trigger's function with one that lets rows through
            migrate(session, """
                    CREATE OR REPLACE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RETURN NEW; END $$""");
            SeededTable after = only(seed(session, counts));

            // THEN the table is filled
            assertThat(after.note()).isNull();
            assertThat(after.rows()).isEqualTo(ROWS);
            assertThat(counts.unfilled().skipped()).isZero();
        }
    }

    @Test
    void should_offer_rows_again_once_a_referenced_table_got_rows() throws SQLException {
        try (ScratchDatabase db = server.createDatabase("unfilled_parent"); Connection session = db.connect()) {
            // GIVEN children, one per parent, of a table the seeder cannot fill (its trigger refuses every row) and
            // that holds one parent: the second seeding can add no child
            Sql.execute(db, "CREATE SEQUENCE offered;\nCREATE TABLE parents (id bigint PRIMARY KEY);\n" + REFUSE
                    + "CREATE TRIGGER parents_refuse BEFORE INSERT ON parents FOR EACH ROW EXECUTE FUNCTION refuse();\n"
                    + "CREATE TABLE children (id bigint PRIMARY KEY,\n"
                    + "                       parent_id bigint NOT NULL UNIQUE REFERENCES parents);");
            migrate(session, PAST_THE_TRIGGER.formatted(1, 1));
            RowCounts counts = new RowCounts();
            seed(session, counts);
            SeededTable full = children(seed(session, counts));
            assertThat(full.rows()).isEqualTo(1);

            // WHEN the migration inserts ten more parents
            migrate(session, PAST_THE_TRIGGER.formatted(2, 11));
            SeededTable after = children(seed(session, counts));

            // THEN the children are generated against them
            assertThat(after.rows()).isEqualTo(11);
        }
    }

    @Test
    void should_offer_rows_again_once_data_a_trigger_reads_changed() throws SQLException {
        try (ScratchDatabase db = server.createDatabase("unfilled_reads"); Connection session = db.connect()) {
            // GIVEN a trigger that refuses children while a setting (in a table the seeder cannot fill) is closed
            Sql.execute(db, "CREATE SEQUENCE offered;\n" + REFUSE + """
                    CREATE TABLE settings (id bigint PRIMARY KEY, open boolean NOT NULL);
                    CREATE TRIGGER settings_refuse BEFORE INSERT ON settings FOR EACH ROW EXECUTE FUNCTION refuse();
                    CREATE TABLE children (id bigint PRIMARY KEY, note text);
                    CREATE FUNCTION guard() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN
                      IF NOT EXISTS (SELECT 1 FROM settings WHERE open) THEN RAISE EXCEPTION 'closed'; END IF;
                      RETURN NEW;
                    END $$;
                    CREATE TRIGGER children_guard BEFORE INSERT ON children FOR EACH ROW EXECUTE FUNCTION guard();
                    """);
            migrate(session, "ALTER TABLE settings DISABLE TRIGGER settings_refuse;\n"
                    + "INSERT INTO settings VALUES (1, false);\nALTER TABLE settings ENABLE TRIGGER settings_refuse;");
            RowCounts counts = new RowCounts();
            assertThat(children(seed(session, counts)).rows()).isZero();

            // WHEN the migration opens the setting: an UPDATE of a table no key of children references
            migrate(session, "UPDATE settings SET open = true");
            SeededTable after = children(seed(session, counts));

            // THEN the children are offered again, and accepted
            assertThat(after.note()).isNull();
            assertThat(after.rows()).isEqualTo(ROWS);
        }
    }

    /** Inserts parents with ids from %d to %d past the trigger that refuses generated ones. */
    private static final String PAST_THE_TRIGGER = "ALTER TABLE parents DISABLE TRIGGER parents_refuse;\n"
            + "INSERT INTO parents SELECT g FROM generate_series(%d, %d) g;\n"
            + "ALTER TABLE parents ENABLE TRIGGER parents_refuse;";

    private static SeededTable children(SeedSummary summary) {
        return summary.tables().stream().filter(t -> t.relation().equals("public.children")).findFirst().orElseThrow();
    }

    private static SeedSummary seed(Connection session, RowCounts counts) {
        return Seeder.seed(session, null, SeedOptions.defaults().rows(ROWS), ChainDemands.NONE, table -> true, counts);
    }

    /** Runs SQL on the session the seedings use, as a migration does (its counters are the ones the seeding sends). */
    private static void migrate(Connection session, String sql) throws SQLException {
        try (java.sql.Statement statement = session.createStatement()) {
            statement.execute(sql);
        }
    }

    private static SeededTable only(SeedSummary summary) {
        assertThat(summary.tables()).hasSize(1);
        return summary.tables().get(0);
    }

    private static long offered(ScratchDatabase db) throws SQLException {
        return Sql.number(db, "SELECT last_value FROM offered");
    }
}
