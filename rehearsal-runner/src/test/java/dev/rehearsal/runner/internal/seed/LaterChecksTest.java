package dev.rehearsal.runner.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.EmbeddedServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Later CHECKs over columns a later migration adds without a value: read with NULL in their place. */
class LaterChecksTest {

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @Test
    void should_read_a_later_check_over_a_column_added_without_a_value_as_null_there() throws SQLException {
        // GIVEN OpenMeter's addons: a currency column, then a column added without a value, then a CHECK over both
        // that holds for NULL in the new column only when the currency has three characters
        String table = "CREATE TABLE addons (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, currency varchar NOT NULL)";
        String added = "ALTER TABLE \"addons\" ALTER COLUMN \"currency\" DROP DEFAULT, ADD COLUMN \"custom_currency_id\" "
                + "character(26) NULL";
        String later = "ALTER TABLE \"addons\" ADD CONSTRAINT \"addon_currency_reference\" CHECK ((((char_length((currency)"
                + "::text) = 3) AND (custom_currency_id IS NULL)) OR ((char_length((currency)::text) > 3) AND "
                + "(custom_currency_id IS NOT NULL))))";
        ChainDemands demands = ChainDemands.of(List.of(List.of(table), List.of(added), List.of(later)));
        try (ScratchDatabase db = server.createDatabase("later_null_column");
             Connection connection = db.dataSource().getConnection()) {
            Sql.execute(db, table);

            // WHEN filled with the chain in mind, then the migrations run
            Seeder.seed(connection, SeedOptions.defaults().rows(300), demands);
            Sql.execute(db, added);

            // THEN the constraint validates on every generated row (before: most currencies were longer, and it failed)
            Sql.execute(db, later);
            assertThat(Sql.number(db, "SELECT count(*) FROM addons")).isEqualTo(300);
        }
        // AND a column set by an UPDATE after it is added is not read as NULL, nor one added with a default
        assertThat(ChainDemands.of(List.of(List.of(table), List.of(added), List.of(later))).columnDemands(addons()))
                .extracting(ColumnDemand::condition).singleElement().asString().contains("(NULL IS NULL)");
        assertThat(ChainDemands.of(List.of(List.of(table), List.of(added, "UPDATE addons SET custom_currency_id = 'x'"),
                List.of(later))).columnDemands(addons())).extracting(ColumnDemand::condition)
                .allSatisfy(c -> assertThat(c).contains("(custom_currency_id IS NULL)"));
        assertThat(ChainDemands.of(List.of(List.of(table), List.of("ALTER TABLE addons ADD COLUMN custom_currency_id "
                + "character(26) DEFAULT 'x'"), List.of(later))).columnDemands(addons())).extracting(ColumnDemand::condition)
                .allSatisfy(c -> assertThat(c).contains("(custom_currency_id IS NULL)"));
    }

    /**
     * Hatchet's v1_0_146 is one goose StatementBegin block: a CREATE TYPE, then the ALTER TABLE that adds the columns
     * and a CHECK which, with them NULL, holds only where "isPaused" is false. Read only at a statement's start, the
     * CHECK went unseen, half the generated workflows were paused, and the step emptied the table and measured on it.
     */
    @Test
    void should_read_a_later_check_inside_a_block_of_several_statements() throws SQLException {
        String table = "CREATE TABLE \"Workflow\" (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, \"isPaused\" boolean)";
        String block = """
                CREATE TYPE "PauseBehavior" AS ENUM ('QUEUE', 'DROP');

                ALTER TABLE "Workflow"
                    ADD COLUMN "pausedBehavior" "PauseBehavior",
                    ADD CONSTRAINT "Workflow_PausedCheck" CHECK (
                        ("isPaused" = FALSE AND "pausedBehavior" IS NULL)
                        OR ("isPaused" = TRUE AND "pausedBehavior" IS NOT NULL)
                    );""";
        ChainDemands demands = ChainDemands.of(List.of(List.of(table), List.of(block)));
        try (ScratchDatabase db = server.createDatabase("later_check_in_block");
             Connection connection = db.dataSource().getConnection()) {
            Sql.execute(db, table);

            Seeder.seed(connection, SeedOptions.defaults().rows(300), demands);

            Sql.execute(db, block); // before: violated by some row (the paused ones)
            assertThat(Sql.number(db, "SELECT count(*) FROM \"Workflow\"")).isEqualTo(300);
        }
    }

    private static TableInfo addons() {
        PgType varchar = new PgType("character varying", TypeKind.VARCHAR, -1, List.of(), null, false, List.of(), "varchar");
        PgType bigint = new PgType("bigint", TypeKind.BIGINT, -1, List.of(), null, false, List.of(), "int8");
        return new TableInfo(1, "public", "addons", List.of(new ColumnInfo(1, "id", bigint, true, false, false, null, null),
                new ColumnInfo(2, "currency", varchar, true, false, false, null, null)), List.of(), List.of(), List.of(),
                null);
    }
}
