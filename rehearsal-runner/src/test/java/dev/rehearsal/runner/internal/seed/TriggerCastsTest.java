package dev.rehearsal.runner.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.EmbeddedServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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
            execute(connection, TABLE);
            Seeder.seed(connection, SeedOptions.defaults().rows(1_000), ChainDemands.of(CHAIN));
            execute(connection, FUNCTION);
            execute(connection, TRIGGER);

            // WHEN every row is written again (the running app updates its rows); THEN the trigger reads them all
            execute(connection, "UPDATE poll_data SET queue_name = queue_name");

            // AND rows generated without the demand fail it: what the demand prevents
            execute(connection, "DROP TRIGGER poll_data_update_check_trigger ON poll_data; TRUNCATE poll_data");
            Seeder.seed(connection, SeedOptions.defaults().rows(1_000));
            execute(connection, TRIGGER);
            Throwable failure = catchThrowable(() -> execute(connection, "UPDATE poll_data SET queue_name = queue_name"));
            assertThat(failure).isInstanceOf(SQLException.class);
            assertThat(((SQLException) failure).getSQLState()).isEqualTo("22P02");
        }
    }

    private static TableInfo table(long oid, String name) {
        return new TableInfo(oid, "public", name, List.of(text(1, "json_data"), text(2, "note")), List.of(), List.of(),
                List.of(), null);
    }

    private static ColumnInfo text(int attnum, String name) {
        PgType type = new PgType("text", TypeKind.TEXT, -1, List.of(), null, false, List.of(), "text");
        return new ColumnInfo(attnum, name, type, false, false, false, null, null);
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
