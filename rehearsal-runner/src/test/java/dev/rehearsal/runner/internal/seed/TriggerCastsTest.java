package dev.rehearsal.runner.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.rehearsal.report.SeedSummary;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.EmbeddedServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Casts that a later trigger makes of its table's rows, read ahead as demands on today's text columns. */
class TriggerCastsTest {

    private static final String TABLE = """
            CREATE TABLE poll_data (id serial PRIMARY KEY, queue_name varchar(255) NOT NULL,
                                    json_data text NOT NULL, note text)""";
    /** Conductor's V10__poll_data_check.sql, as the project wrote it. */
    private static final String FUNCTION = """
            CREATE OR REPLACE FUNCTION poll_data_update_check ()
                RETURNS TRIGGER
                AS $$
            BEGIN
                IF(NEW.json_data::json ->> 'lastPollTime')::BIGINT < (OLD.json_data::json ->> 'lastPollTime')::BIGINT THEN
                    RAISE EXCEPTION 'lastPollTime cannot be set to a lower value';
                END IF;
                RETURN NEW;
            END;
            $$
            LANGUAGE plpgsql""";
    private static final String TRIGGER = "CREATE TRIGGER poll_data_update_check_trigger BEFORE UPDATE ON poll_data "
            + "FOR EACH ROW EXECUTE FUNCTION poll_data_update_check ()";
    private static final List<List<String>> CHAIN = List.of(List.of(TABLE), List.of(FUNCTION, TRIGGER));

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @Test
    void should_read_the_casts_of_a_trigger_function_as_demands_on_the_table_the_trigger_is_on() {
        TableInfo pollData = table(1, "poll_data");
        TableInfo other = table(2, "other");

        // the chain attaches the function to poll_data: its json_data must hold JSON; other tables are left alone
        TableInfo shaped = ChainDemands.of(CHAIN).applyTo(pollData);
        assertThat(shaped.column("json_data").orElseThrow().type().kind()).isEqualTo(TypeKind.JSON);
        assertThat(shaped.column("note")).isEqualTo(pollData.column("note"));
        assertThat(ChainDemands.of(CHAIN).applyTo(other)).isEqualTo(other);
        // a function no trigger attaches asks nothing
        assertThat(ChainDemands.of(List.of(List.of(FUNCTION))).applyTo(pollData)).isEqualTo(pollData);
        // goose sends a StatementBegin block as one statement: every function and trigger in it counts, in order
        String block = """
                CREATE OR REPLACE FUNCTION partitions_before(target text, day date) RETURNS SETOF text AS $$
                    SELECT target || '_' || to_char(day, 'YYYYMMDD') $$ LANGUAGE sql;
                """ + FUNCTION + ";\n" + TRIGGER + ";\nCREATE TABLE later (id int)";
        TableInfo inOneBlock = ChainDemands.of(List.of(List.of(TABLE), List.of(block))).applyTo(pollData);
        assertThat(inOneBlock.column("json_data").orElseThrow().type().kind()).isEqualTo(TypeKind.JSON);
        // a function replaced after its trigger exists asks for the new body's casts on the same table
        String replaced = FUNCTION.replace("NEW.json_data::json", "NEW.note::jsonb");
        TableInfo again = ChainDemands.of(List.of(List.of(FUNCTION, TRIGGER), List.of(replaced))).applyTo(pollData);
        assertThat(again.column("note").orElseThrow().type().kind()).isEqualTo(TypeKind.JSONB);
    }

    @Test
    void should_generate_rows_that_a_later_trigger_can_cast_and_fail_without_the_demand() throws SQLException {
        try (ScratchDatabase db = server.createDatabase("trigger_casts");
             Connection connection = db.dataSource().getConnection()) {
            // GIVEN the table as V1 leaves it, filled with the chain's demands in mind, and the trigger of V10
            Sql.execute(connection, TABLE);
            Seeder.seed(connection, SeedOptions.defaults().rows(1_000), ChainDemands.of(CHAIN));
            Sql.execute(connection, FUNCTION);
            Sql.execute(connection, TRIGGER);

            // WHEN every row is written again (the running app updates its rows); THEN the trigger reads them all
            Sql.execute(connection, "UPDATE poll_data SET queue_name = queue_name");

            // AND rows generated without the demand fail it: what the demand prevents
            Sql.execute(connection, "DROP TRIGGER poll_data_update_check_trigger ON poll_data; TRUNCATE poll_data");
            Seeder.seed(connection, SeedOptions.defaults().rows(1_000));
            Sql.execute(connection, TRIGGER);
            Throwable failure = catchThrowable(() -> Sql.execute(connection, "UPDATE poll_data SET queue_name = queue_name"));
            assertThat(failure).isInstanceOf(SQLException.class);
            assertThat(((SQLException) failure).getSQLState()).isEqualTo("22P02");
        }
    }

    @Test
    void should_keep_an_enum_column_to_the_labels_a_trigger_can_cast_into_its_own_enum() throws SQLException {
        // GIVEN Hatchet's shape: a concurrency setting whose strategy a later trigger copies into a v1 table, through
        // text into an enum that lacks two of the labels
        String schema = """
                CREATE TYPE limit_strategy AS ENUM ('CANCEL_IN_PROGRESS', 'DROP_NEWEST', 'QUEUE_NEWEST');
                CREATE TABLE concurrency (id uuid PRIMARY KEY, strategy limit_strategy NOT NULL)""";
        List<String> v1 = List.of(
                "CREATE TYPE v1_strategy AS ENUM ('NONE', 'GROUP_ROUND_ROBIN', 'CANCEL_IN_PROGRESS', 'CANCEL_NEWEST')",
                "CREATE TABLE v1_concurrency (id uuid PRIMARY KEY, strategy v1_strategy NOT NULL)",
                """
                CREATE FUNCTION copy_to_v1() RETURNS trigger AS $$
                BEGIN
                  INSERT INTO v1_concurrency VALUES (NEW.id, NEW.strategy::VARCHAR::v1_strategy);
                  RETURN NEW;
                END;
                $$ LANGUAGE plpgsql""",
                "CREATE TRIGGER concurrency_to_v1 AFTER INSERT ON concurrency FOR EACH ROW EXECUTE FUNCTION copy_to_v1()");
        List<List<String>> chain = List.of(List.of(schema), v1);
        try (ScratchDatabase db = server.createDatabase("enum_through_text");
             Connection connection = db.dataSource().getConnection()) {
            Sql.execute(connection, schema);
            for (String statement : v1) {
                Sql.execute(connection, statement);
            }

            // WHEN the table is filled with the chain's demands in mind; THEN every row offered passes the trigger's
            // cast: the server took exactly 500 rows in, none refused
            SeedSummary filled = Seeder.seed(connection, SeedOptions.defaults().rows(500), ChainDemands.of(chain));
            assertThat(filled.tables()).filteredOn(t -> t.relation().equals("public.concurrency")).singleElement()
                    .satisfies(t -> assertThat(t.rows()).isEqualTo(500));
            assertThat(Sql.number(connection, "SELECT count(DISTINCT strategy) FROM concurrency")).isEqualTo(1);
            assertThat(insertsTried(connection)).isEqualTo(500);

            // AND without them two thirds of the rows are refused by it (the COPY, then runs of rows until 500 stay)
            Sql.execute(connection, "TRUNCATE concurrency, v1_concurrency");
            Seeder.seed(connection, SeedOptions.defaults().rows(500));
            assertThat(Sql.number(connection, "SELECT count(*) FROM concurrency")).isEqualTo(500);
            assertThat(insertsTried(connection)).isGreaterThan(1_000);
        }
    }

    @Test
    void should_read_the_enum_a_goose_block_creates_for_the_trigger_in_it() {
        // GIVEN Hatchet's v1_0_0: one StatementBegin block that creates the v1 enum, the trigger function and the trigger
        String block = """
                CREATE TYPE v1_strategy AS ENUM ('NONE', 'GROUP_ROUND_ROBIN', 'CANCEL_IN_PROGRESS');
                CREATE OR REPLACE FUNCTION copy_to_v1() RETURNS trigger AS $$
                BEGIN
                  INSERT INTO v1_concurrency VALUES (NEW.id, NEW."limitStrategy"::VARCHAR::v1_strategy);
                  RETURN NEW;
                END;
                $$ LANGUAGE plpgsql;
                CREATE TRIGGER to_v1 AFTER INSERT ON "WorkflowConcurrency" FOR EACH ROW EXECUTE FUNCTION copy_to_v1();
                """;
        PgType strategy = new PgType("\"ConcurrencyLimitStrategy\"", TypeKind.ENUM, -1,
                List.of("CANCEL_IN_PROGRESS", "DROP_NEWEST", "QUEUE_NEWEST", "GROUP_ROUND_ROBIN"), null, true, List.of(),
                null);
        TableInfo concurrency = new TableInfo(1, "public", "WorkflowConcurrency",
                List.of(new ColumnInfo(1, "limitStrategy", strategy, true, false, false, null, null)), List.of(),
                List.of(), List.of(), null);

        // THEN the column keeps to the labels the v1 enum has too
        assertThat(ChainDemands.of(List.of(List.of(block))).applyTo(concurrency).column("limitStrategy").orElseThrow()
                .type().labels()).containsExactly("CANCEL_IN_PROGRESS", "GROUP_ROUND_ROBIN");
    }

    private static TableInfo table(long oid, String name) {
        return new TableInfo(oid, "public", name, List.of(text(1, "json_data"), text(2, "note")), List.of(), List.of(),
                List.of(), null);
    }

    private static ColumnInfo text(int attnum, String name) {
        PgType type = new PgType("text", TypeKind.TEXT, -1, List.of(), null, false, List.of(), "text");
        return new ColumnInfo(attnum, name, type, false, false, false, null, null);
    }

    /** Rows inserted into concurrency so far, those of rolled-back statements and subtransactions included. */
    private static long insertsTried(Connection connection) throws SQLException {
        Sql.number(connection, "SELECT 0 FROM pg_stat_force_next_flush()"); // the session's counters, sent once it ends
        return Sql.number(connection, "SELECT pg_stat_get_tuples_inserted('concurrency'::regclass)");
    }
}
