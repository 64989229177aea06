package dev.rehearsal.runner.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.SeedSummary;
import dev.rehearsal.report.SeedSummary.SeededTable;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.EmbeddedServer;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Generated columns that read json keys through path operators, functions and casts to enums. */
@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
class GeneratedJsonKeysTest {

    private static final int ROWS = 500;

    // A document store: every column but key and doc is computed from the document, some through functions.
    private static final String SCHEMA = """
            CREATE TYPE run_state AS ENUM ('QUEUED', 'RUNNING', 'DONE', 'FAILED');
            CREATE FUNCTION state_of(text) RETURNS run_state LANGUAGE sql IMMUTABLE RETURN CAST($1 AS run_state);
            CREATE FUNCTION at_of(text) RETURNS timestamptz LANGUAGE sql IMMUTABLE RETURN $1::timestamptz;
            CREATE TABLE runs (
                key      text PRIMARY KEY,
                doc      jsonb,
                state    run_state NOT NULL GENERATED ALWAYS AS (state_of(doc #>> '{state, current}')) STORED,
                previous run_state NOT NULL GENERATED ALWAYS AS (state_of(doc ->> 'previous')) STORED,
                origin   text NOT NULL GENERATED ALWAYS AS (doc #>> '{source,"host name"}') STORED,
                started  timestamptz NOT NULL GENERATED ALWAYS AS (at_of(doc #>> '{state,startedAt}')) STORED,
                attempts int NOT NULL GENERATED ALWAYS AS (CAST(doc #>> '{state,attempts}' AS int)) STORED,
                status   varchar(8) NOT NULL GENERATED ALWAYS AS (doc ->> 'status') STORED,
                retries  smallint NOT NULL GENERATED ALWAYS AS (CAST(doc ->> 'retries' AS smallint)) STORED
            );
            """;

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @Test
    void should_fill_keys_read_through_path_operators_and_only_enum_labels_where_an_enum_is_computed()
            throws SQLException {
        try (ScratchDatabase db = server.createDatabase("json_paths")) {
            // GIVEN generated NOT NULL columns over nested keys, enums behind functions and a nullable document
            Sql.execute(db, SCHEMA);

            // WHEN
            SeedSummary summary;
            try (Connection connection = db.connect()) {
                summary = Seeder.seed(connection, SeedOptions.defaults().rows(ROWS));
            }

            // THEN every row went in, the nested keys are present, and the enum columns vary over their labels
            assertThat(summary.tables()).containsExactly(new SeededTable("public.runs", ROWS, null));
            assertThat(Sql.number(db, "SELECT count(*) FROM runs WHERE doc IS NULL")).isZero();
            assertThat(Sql.number(db, "SELECT count(DISTINCT state) FROM runs")).isEqualTo(4);
            assertThat(Sql.number(db, "SELECT count(DISTINCT previous) FROM runs")).isEqualTo(4);
            assertThat(Sql.number(db, "SELECT count(DISTINCT origin) FROM runs")).isEqualTo(ROWS);
        }
    }

    @Test
    void should_fit_keys_to_the_length_and_range_of_the_generated_column_beyond_a_few_thousand_rows()
            throws SQLException {
        try (ScratchDatabase db = server.createDatabase("json_lengths")) {
            // GIVEN a varchar(8) and a smallint computed from keys, more rows than short values and smallint hold
            Sql.execute(db, SCHEMA);

            // WHEN
            SeedSummary summary;
            try (Connection connection = db.connect()) {
                summary = Seeder.seed(connection, SeedOptions.defaults().rows(40_000));
            }

            // THEN every row went in and the varchar values stay distinct
            assertThat(summary.tables()).containsExactly(new SeededTable("public.runs", 40_000, null));
            assertThat(Sql.number(db, "SELECT count(DISTINCT status) FROM runs")).isEqualTo(40_000);
        }
    }

    @Test
    void should_read_the_elements_of_a_path_literal() {
        assertThat(JsonKey.pathElements("state,current")).containsExactly("state", "current");
        assertThat(JsonKey.pathElements("source,\"host name\"")).containsExactly("source", "host name");
        assertThat(JsonKey.pathElements("")).isEmpty();
    }
}
