package dev.rehearsal.runner.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.EmbeddedServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Foreign keys checked once per seeded table instead of row by row: the check finds every row PostgreSQL's own
 * trigger would refuse, and the seeded rows are the same as with PostgreSQL checking each one.
 */
@Tag("slow") // seeds the every-shape schema twice
class ForeignKeyCheckTest {

    private static final String SCHEMA = SeederSideBySideTest.SCHEMA;
    private static final List<String> TABLES = SeederSideBySideTest.TABLES;

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @Test
    void should_find_a_row_whose_parent_is_missing_as_postgresql_would() throws SQLException {
        try (ScratchDatabase db = server.createDatabase("fk_check"); Connection c = db.connect()) {
            Sql.execute(db, """
                    CREATE TABLE parent (a int, b int, PRIMARY KEY (a, b));
                    CREATE TABLE "Child" (id int, pa int, pb int, up int,
                        FOREIGN KEY (pa, pb) REFERENCES parent,
                        FOREIGN KEY (up, id) REFERENCES parent MATCH FULL);
                    CREATE TABLE node (id int PRIMARY KEY, parent_id int REFERENCES node);
                    INSERT INTO parent VALUES (1, 1), (1, 2);
                    """);
            c.setAutoCommit(false);
            ForeignKeyCheck.triggersOffForTransaction(c); // rows PostgreSQL would refuse, as a faulty seeder would write them
            TableInfo child = table(c, "public", "Child");
            TableInfo node = table(c, "public", "node");

            assertThat(holdsAfter(c, child, "INSERT INTO \"Child\" VALUES (1, 1, 2, 1), (NULL, NULL, 7, NULL)")).isTrue();
            assertThat(holdsAfter(c, child, "INSERT INTO \"Child\" VALUES (1, 1, 3, NULL)")).as("no parent (1, 3)")
                    .isFalse();
            assertThat(holdsAfter(c, child, "INSERT INTO \"Child\" VALUES (5, NULL, NULL, 1)"))
                    .as("MATCH FULL, partly NULL").isFalse();
            assertThat(holdsAfter(c, node, "INSERT INTO node VALUES (1, NULL), (2, 1), (3, 2)")).isTrue();
            assertThat(holdsAfter(c, node, "INSERT INTO node VALUES (4, 9)")).as("self-reference").isFalse();
            assertThat(ForeignKeyCheck.violationQueries(c, table(c, "public", "parent"))).isEmpty();
        }
    }

    @Test
    void should_check_every_row_in_one_pass_when_the_statistics_say_the_table_is_empty() throws SQLException {
        // GIVEN a table whose statistics say it is empty over many pages, as after the rehearsal emptied it of
        // rejected rows, filled again with rows that refer to each other
        try (ScratchDatabase db = server.createDatabase("fk_stale"); Connection c = db.connect()) {
            Sql.execute(db, """
                    CREATE TABLE line (id text PRIMARY KEY, parent_id text REFERENCES line, pad text);
                    INSERT INTO line SELECT g::text, NULL, repeat('x', 200) FROM generate_series(1, 5000) g;
                    DELETE FROM line;
                    ANALYZE line;
                    """);
            c.setAutoCommit(false);
            ForeignKeyCheck.triggersOffForTransaction(c);
            try (var statement = c.createStatement()) {
                statement.execute("INSERT INTO line SELECT g::text, (g / 2 + 1)::text, 'x' FROM generate_series(1, 5000) g");
            }
            List<String> checks = ForeignKeyCheck.violationQueries(c, table(c, "public", "line"));

            assertThat(ForeignKeyCheck.holds(c, checks)).isTrue();
            // THEN the rows were joined with their parents in one pass, not looked up one by one
            StringBuilder plan = new StringBuilder();
            try (var statement = c.createStatement(); var rs = statement.executeQuery("EXPLAIN " + checks.get(0))) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
            assertThat(plan.toString()).contains("Anti Join").doesNotContain("Nested Loop");
            c.rollback();
        }
    }

    @Test
    void should_fill_the_same_rows_as_with_postgresql_checking_every_row() throws SQLException {
        try (ScratchDatabase checkedAtOnce = schema("keys_at_once"); ScratchDatabase perRow = schema("keys_per_row")) {
            // an INSERT trigger on a table of its own keeps every key trigger on in the second database
            Sql.execute(perRow, """
                    CREATE TABLE public.noted (id int);
                    CREATE FUNCTION public.note() RETURNS trigger LANGUAGE plpgsql AS 'BEGIN RETURN NEW; END';
                    CREATE TRIGGER noted_note BEFORE INSERT ON public.noted FOR EACH ROW EXECUTE FUNCTION public.note();
                    """);
            assertThat(keysAtOnce(checkedAtOnce)).isTrue();
            assertThat(keysAtOnce(perRow)).isFalse();

            var atOnce = seed(checkedAtOnce);
            var eachRow = seed(perRow);

            assertThat(atOnce.tables().stream().filter(t -> !t.relation().equals("public.noted")))
                    .containsExactlyElementsOf(eachRow.tables().stream()
                            .filter(t -> !t.relation().equals("public.noted")).toList());
            for (String table : TABLES) {
                assertThat(Sql.digest(checkedAtOnce, table)).as(table).isEqualTo(Sql.digest(perRow, table));
            }
        }
    }

    private static boolean holdsAfter(Connection c, TableInfo table, String insert) throws SQLException {
        try (var statement = c.createStatement()) {
            statement.execute("SAVEPOINT before_rows");
            statement.execute(insert);
            boolean holds = ForeignKeyCheck.holds(c, ForeignKeyCheck.violationQueries(c, table));
            statement.execute("ROLLBACK TO SAVEPOINT before_rows");
            return holds;
        }
    }

    private static TableInfo table(Connection c, String schema, String name) throws SQLException {
        return new CatalogReader(c).tables().stream().filter(t -> t.schema().equals(schema) && t.name().equals(name))
                .findFirst().orElseThrow();
    }

    /** Whether the seeder checks keys per table there: as a superuser, with no trigger or rule on INSERT. */
    private static boolean keysAtOnce(ScratchDatabase db) throws SQLException {
        try (Connection c = db.connect()) {
            return ForeignKeyCheck.superuser(c) && SeedSchedule.safeFor(c);
        }
    }

    private static ScratchDatabase schema(String purpose) throws SQLException {
        ScratchDatabase db = server.createDatabase(purpose);
        Sql.execute(db, SCHEMA);
        return db;
    }

    private static dev.rehearsal.report.SeedSummary seed(ScratchDatabase db) throws SQLException {
        try (Connection connection = db.connect()) {
            return Seeder.seed(connection, SeedOptions.defaults().rows(2_000));
        }
    }

}
