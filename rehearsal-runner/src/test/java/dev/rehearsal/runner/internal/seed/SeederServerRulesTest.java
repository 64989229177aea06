package dev.rehearsal.runner.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.SeedSummary;
import dev.rehearsal.report.SeedSummary.SeededTable;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.EmbeddedServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Rules only the server knows — exclusion constraints, triggers that raise — decide which generated rows a table
 * keeps: the seeder offers rows and PostgreSQL judges them, instead of the table staying empty.
 */
class SeederServerRulesTest {

    private static final int ROWS = 2_000;
    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @Test
    void should_fill_a_table_whose_exclusion_constraint_forbids_overlapping_ranges() throws SQLException {
        try (ScratchDatabase db = server.createDatabase("exclusion");
             Connection connection = db.dataSource().getConnection()) {
            // GIVEN bookings that may not overlap in time, whatever the room, in every range type
            execute(connection, """
                    CREATE TABLE bookings (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, room int NOT NULL,
                        during tstzrange NOT NULL, local tsrange NOT NULL, days daterange NOT NULL,
                        seats int4range NOT NULL, ids int8range NOT NULL, amounts numrange NOT NULL,
                        EXCLUDE USING gist (during WITH &&))""");

            // WHEN seeded
            SeededTable bookings = only(Seeder.seed(connection, SeedOptions.defaults().rows(ROWS)));

            // THEN every row is there, and no two stays overlap
            assertThat(bookings.note()).isNull();
            assertThat(bookings.rows()).isEqualTo(ROWS);
            assertThat(query(connection, "SELECT count(*) FROM bookings a JOIN bookings b ON a.id < b.id "
                    + "AND a.during && b.during")).isZero();
            assertThat(query(connection, "SELECT count(*) FROM bookings WHERE isempty(during) OR isempty(local) "
                    + "OR isempty(days) OR isempty(seats) OR isempty(ids) OR isempty(amounts) OR upper_inf(during)")).isZero();
        }
    }

    @Test
    void should_keep_the_rows_a_trigger_accepts_and_fill_the_table_to_its_target() throws SQLException {
        try (ScratchDatabase db = server.createDatabase("trigger_some");
             Connection connection = db.dataSource().getConnection()) {
            // GIVEN a rule that only a trigger knows: no odd number of nights
            staysRefusing(connection, "NEW.nights % 2 = 1");

            // WHEN seeded
            SeededTable stays = only(Seeder.seed(connection, SeedOptions.defaults().rows(ROWS)));

            // THEN the table is full, with only rows the trigger let through
            assertThat(stays.note()).isNull();
            assertThat(stays.rows()).isEqualTo(ROWS);
            assertThat(query(connection, "SELECT count(*) FROM stays WHERE nights % 2 = 1")).isZero();
        }
    }

    @Test
    void should_offer_rows_a_trigger_seldom_refuses_in_runs_not_one_statement_each() throws SQLException {
        try (ScratchDatabase db = server.createDatabase("trigger_runs");
             Connection connection = db.dataSource().getConnection()) {
            // GIVEN a row trigger that refuses about one row in fifty, and a statement trigger that counts the
            // statements that inserted rows (a sequence outlives the rollbacks of refused ones)
            execute(connection, "CREATE SEQUENCE statements");
            staysRefusing(connection, "NEW.nights % 50 = 7");
            execute(connection, "CREATE FUNCTION count_statement() RETURNS trigger LANGUAGE plpgsql AS $$ "
                    + "BEGIN PERFORM nextval('statements'); RETURN NULL; END $$");
            execute(connection, "CREATE TRIGGER stays_counted AFTER INSERT ON stays FOR EACH STATEMENT "
                    + "EXECUTE FUNCTION count_statement()");

            // WHEN seeded
            SeededTable stays = only(Seeder.seed(connection, SeedOptions.defaults().rows(ROWS)));

            // THEN the table is full of rows the trigger let through, inserted by far fewer statements than rows
            assertThat(stays.note()).isNull();
            assertThat(stays.rows()).isEqualTo(ROWS);
            assertThat(query(connection, "SELECT count(*) FROM stays WHERE nights % 50 = 7")).isZero();
            assertThat(query(connection, "SELECT count(*) FROM stays WHERE nights % 50 = 8")).isPositive();
            assertThat(query(connection, "SELECT last_value FROM statements")).isLessThan(ROWS / 4);
        }
    }

    @Test
    void should_say_how_many_rows_were_offered_when_a_trigger_rejects_every_one() throws SQLException {
        try (ScratchDatabase db = server.createDatabase("trigger_all");
             Connection connection = db.dataSource().getConnection()) {
            // GIVEN a trigger that rejects every row
            execute(connection, "CREATE TABLE frozen (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text)");
            execute(connection, """
                    CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN RAISE EXCEPTION 'frozen table'; END $$""");
            execute(connection, "CREATE TRIGGER frozen_refuse BEFORE INSERT ON frozen FOR EACH ROW EXECUTE FUNCTION refuse()");

            // WHEN seeded
            SeededTable frozen = only(Seeder.seed(connection, SeedOptions.defaults().rows(ROWS)));

            // THEN it stays empty and the note says what the server answered
            assertThat(frozen.rows()).isZero();
            assertThat(frozen.note()).startsWith("not seeded: the server accepted 0 of ")
                    .contains("offered one at a time (the first rejection: frozen table)", "--seed-script");
        }
    }

    @Test
    void should_stop_offering_rows_one_at_a_time_when_the_first_ones_are_all_refused() throws SQLException {
        try (ScratchDatabase db = server.createDatabase("trigger_probe");
             Connection connection = db.dataSource().getConnection()) {
            // GIVEN a trigger that rejects every row and counts the rows it saw (a sequence outlives the rollbacks)
            int rows = (int) TableSeeder.PROBE_ROWS * 20;
            execute(connection, "CREATE SEQUENCE offered");
            execute(connection, "CREATE TABLE frozen (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text)");
            execute(connection, """
                    CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN PERFORM nextval('offered'); RAISE EXCEPTION 'frozen table'; END $$""");
            execute(connection, "CREATE TRIGGER frozen_refuse BEFORE INSERT ON frozen FOR EACH ROW EXECUTE FUNCTION refuse()");

            // WHEN seeded with many more rows than the first round offers
            SeededTable frozen = only(Seeder.seed(connection, SeedOptions.defaults().rows(rows)));

            // THEN one row reached the trigger through COPY, then the first round's rows one at a time, no more
            assertThat(frozen.rows()).isZero();
            assertThat(frozen.note()).startsWith("not seeded: the server accepted 0 of " + TableSeeder.PROBE_ROWS + " ");
            assertThat(query(connection, "SELECT last_value FROM offered")).isEqualTo(TableSeeder.PROBE_ROWS + 1);
        }
    }

    /** A table of stays whose row trigger refuses the rows {@code refused} (a condition on NEW) holds for. */
    private static void staysRefusing(Connection connection, String refused) throws SQLException {
        execute(connection, "CREATE TABLE stays (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, nights int NOT NULL)");
        execute(connection, """
                CREATE FUNCTION refuse_stay() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF %s THEN RAISE EXCEPTION 'no stays of %% nights', NEW.nights; END IF;
                  RETURN NEW;
                END $$""".formatted(refused));
        execute(connection, "CREATE TRIGGER stays_refused BEFORE INSERT ON stays FOR EACH ROW EXECUTE FUNCTION refuse_stay()");
    }

    private static SeededTable only(SeedSummary summary) {
        assertThat(summary.tables()).hasSize(1);
        return summary.tables().get(0);
    }

    private static long query(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
