package dev.rehearsal.runner.internal.findings;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.internal.util.SqlScan;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.EmbeddedServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The fixes that name only real objects run on PostgreSQL as printed, statement by statement, on names that need
 * quotes: Prisma and other ORMs write camel-case names in quotes ({@code "User"."createdOn"}), and a fix that appends
 * a suffix outside the quotes ({@code "createdOn"_new}) is a syntax error a user would paste.
 */
class RemediesOnPostgresTest {

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    private static final String TABLE = "public.\"User\"";
    private static final String TABLE_PURCHASE = "public.\"Purchase\"";

    @Test
    void should_run_the_type_change_fix_on_quoted_camel_case_names() throws SQLException {
        try (ScratchDatabase database = server.createDatabase("remedies_type");
             Connection connection = database.connect()) {
            // GIVEN Hoppscotch's "User" with a timestamp column to become timestamptz (its migration rewrote the table)
            run(connection, "CREATE TABLE public.\"User\" (id text PRIMARY KEY, \"createdOn\" timestamp(3) NOT NULL); "
                    + "INSERT INTO public.\"User\" SELECT g::text, now() FROM generate_series(1, 20) g");

            // WHEN the fix is run as printed
            runEach(connection, Remedies.typeChange(TABLE, "\"createdOn\"", "TIMESTAMPTZ(3)"));

            // THEN the column has the new type under its old name, the old one is kept aside
            assertThat(columns(connection, "User")).contains("createdOn timestamp(3) with time zone",
                    "createdOn_old timestamp(3) without time zone");
        }
    }

    @Test
    void should_run_the_not_null_key_and_rename_fixes_on_quoted_camel_case_names() throws SQLException {
        try (ScratchDatabase database = server.createDatabase("remedies_keys");
             Connection connection = database.connect()) {
            // GIVEN a table whose names need quotes, without a key and with a nullable column
            run(connection, "CREATE TABLE public.\"User\" (uid text, \"displayName\" text); "
                    + "INSERT INTO public.\"User\" SELECT g::text, 'n' || g FROM generate_series(1, 20) g");

            // WHEN the NOT NULL, primary key and rename fixes are run as printed (the key's columns made NOT NULL first,
            // as its comment says)
            runEach(connection, Remedies.setNotNull(TABLE, "\"displayName\""));
            runEach(connection, Remedies.keyUsingIndex(TABLE, null, "PRIMARY KEY", "uid", "a migration of its own")
                    .replace("CREATE UNIQUE INDEX CONCURRENTLY", "ALTER TABLE public.\"User\" ALTER COLUMN uid "
                            + "SET NOT NULL; CREATE UNIQUE INDEX CONCURRENTLY"));
            String rename = ExpandContract.insteadOf(new Renames.Rename(1, TABLE, "\"displayName\"", "\"fullName\"", ""));
            // its first line says what the steps are for; the SQL follows, with the type left to the author
            runEach(connection, rename.substring(rename.indexOf('\n')).replace("<type of \"displayName\">", "text"));

            // THEN NOT NULL holds, the key stands on its index, and the renamed column holds the old values
            assertThat(columns(connection, "User")).containsExactly("uid text NOT NULL", "fullName text");
            assertThat(strings(connection, "SELECT count(*) FROM public.\"User\" WHERE \"fullName\" = 'n' || uid"))
                    .containsExactly("20");
            // (PostgreSQL 18 lists each NOT NULL as a constraint too)
            assertThat(strings(connection, "SELECT conname FROM pg_constraint WHERE conrelid = 'public.\"User\"'::regclass "
                    + "AND contype <> 'n'")).containsExactly("User_pkey");
        }
    }

    @Test
    void should_run_the_not_valid_fix_of_a_statement_that_adds_checks_and_columns_together() throws SQLException {
        try (ScratchDatabase database = server.createDatabase("remedies_checks");
             Connection connection = database.connect()) {
            // GIVEN OpenMeter's shape: one ALTER TABLE adds two CHECKs (one unnamed) and the columns they read, the
            // CHECKs written first (before: NOT VALID was appended to the last ADD COLUMN, a syntax error, and only
            // the first CHECK was validated)
            run(connection, "CREATE TABLE public.\"Purchase\" (id int PRIMARY KEY); "
                    + "INSERT INTO public.\"Purchase\" SELECT g FROM generate_series(1, 20) g");
            String statement = "ALTER TABLE \"Purchase\" ADD CONSTRAINT \"schema_level\" CHECK (schema_level = ANY "
                    + "(ARRAY[1, 2])), ADD CHECK ((settlement_type IS NULL) OR (settlement_type <> '')), "
                    + "ADD COLUMN \"schema_level\" smallint NOT NULL DEFAULT 1, ADD COLUMN \"settlement_type\" "
                    + "character varying NULL;";

            // WHEN the fix is run as printed
            String fix = Remedies.notValidThenValidate(TABLE_PURCHASE, SqlShapes.alterActions(statement));
            runEach(connection, fix);

            // THEN both CHECKs stand validated, and the columns were added
            assertThat(fix).contains("ADD COLUMN \"settlement_type\" character varying NULL;")
                    .doesNotContain("NULL NOT VALID");
            assertThat(strings(connection, "SELECT conname || ' ' || convalidated FROM pg_constraint WHERE conrelid = "
                    + "'public.\"Purchase\"'::regclass AND contype = 'c' ORDER BY 1"))
                    .containsExactly("Purchase_check true", "schema_level true");
            assertThat(columns(connection, "Purchase")).contains("schema_level smallint NOT NULL",
                    "settlement_type character varying");
        }
    }

    private static void runEach(Connection connection, String fix) throws SQLException {
        for (String statement : SqlScan.statements(fix)) {
            run(connection, statement);
        }
    }

    private static void run(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static List<String> columns(Connection connection, String table) throws SQLException {
        return strings(connection, "SELECT attname || ' ' || format_type(atttypid, atttypmod) "
                + "|| CASE WHEN attnotnull THEN ' NOT NULL' ELSE '' END FROM pg_attribute "
                + "WHERE attrelid = format('public.%I', '" + table + "')::regclass AND attnum > 0 AND NOT attisdropped");
    }

    private static List<String> strings(Connection connection, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
