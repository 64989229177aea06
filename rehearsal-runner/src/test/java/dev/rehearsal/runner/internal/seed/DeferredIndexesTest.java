package dev.rehearsal.runner.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.SeedSummary;
import dev.rehearsal.runner.internal.catalog.CatalogSnapshot;
import dev.rehearsal.runner.internal.trace.Instrumentation;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.EmbeddedServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An empty table filled with many rows gets its plain secondary indexes built after the rows, not row by row; the
 * schema the catalog snapshots read is the same afterwards, the indexes hold every row, and indexes whose building
 * could refuse a row or lose something of the schema stay in place.
 */
class DeferredIndexesTest {

    private static final int ROWS = 12_000;
    private static final String TABLE = """
            CREATE TABLE events (
              id bigint PRIMARY KEY,
              account_id int NOT NULL,
              code text NOT NULL UNIQUE,
              title text NOT NULL,
              tags text[],
              attrs jsonb,
              search tsvector GENERATED ALWAYS AS (to_tsvector('simple', title)) STORED);
            CREATE INDEX events_account ON events (account_id) WITH (fillfactor = 80);
            CREATE INDEX events_tags ON events USING gin (tags);
            CREATE INDEX events_attrs ON events USING gin (attrs jsonb_path_ops);
            CREATE INDEX events_search ON events USING gin (search);
            CREATE INDEX events_lower_title ON events (lower(title));
            CREATE INDEX events_recent ON events (account_id) WHERE account_id > 0;
            CREATE INDEX events_commented ON events (title);
            COMMENT ON INDEX events_commented IS 'kept for the reports'""";
    private static final List<String> DEFERRED = List.of("events_account", "events_attrs", "events_search",
            "events_tags");

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @Test
    void should_build_plain_indexes_after_the_rows_and_leave_the_schema_as_it_was() throws SQLException {
        try (ScratchDatabase db = server.createDatabase("deferred_indexes");
             Connection connection = db.dataSource().getConnection()) {
            // GIVEN an empty table with plain, GIN, unique, expression, partial and commented indexes, in a database
            // with Rehearsal's DDL log
            Instrumentation.install(connection);
            Sql.execute(connection, TABLE);
            CatalogSnapshot before = CatalogSnapshot.take(connection);
            Map<String, Long> oidsBefore = indexOids(connection);

            // WHEN seeded with more rows than an index build pays for
            SeedSummary seeded = Seeder.seed(connection, SeedOptions.defaults().rows(ROWS));

            // THEN the rows are there and the schema reads as before
            assertThat(seeded.tables()).singleElement().satisfies(t -> assertThat(t.rows()).isEqualTo(ROWS));
            assertThat(CatalogSnapshot.take(connection)).isEqualTo(before);
            // the plain indexes were made again (new objects); the others were kept as they were
            Map<String, Long> oidsAfter = indexOids(connection);
            assertThat(oidsAfter.keySet()).isEqualTo(oidsBefore.keySet());
            oidsBefore.forEach((name, oid) -> assertThat(oidsAfter.get(name)).as(name)
                    .matches(now -> DEFERRED.contains(name) != now.equals(oid)));
            // and every index is valid and holds every row: an index scan finds what a sequential scan finds
            assertThat(Sql.number(connection, "SELECT count(*) FROM pg_index WHERE indrelid = 'events'::regclass "
                    + "AND NOT (indisvalid AND indisready AND indislive)")).isZero();
            assertIndexScansAgree(connection);
        }
    }

    @Test
    void should_keep_the_indexes_in_place_for_few_rows_or_beside_an_event_trigger_of_the_user() throws SQLException {
        try (ScratchDatabase db = server.createDatabase("deferred_indexes_kept");
             Connection connection = db.dataSource().getConnection()) {
            // GIVEN the same table, seeded with few rows
            Sql.execute(connection, TABLE);
            Map<String, Long> oids = indexOids(connection);
            Seeder.seed(connection, SeedOptions.defaults().rows((int) DeferredIndexes.MIN_ROWS - 1));
            // THEN no index was made again
            assertThat(indexOids(connection)).isEqualTo(oids);

            // GIVEN an empty table again, and an event trigger of the user's that would see every DDL command
            Sql.execute(connection, "DROP TABLE events; " + TABLE + ";\n"
                    + "CREATE TABLE ddl_audit (tag text);\n"
                    + "CREATE FUNCTION audit() RETURNS event_trigger LANGUAGE plpgsql AS $$ BEGIN "
                    + "INSERT INTO ddl_audit SELECT command_tag FROM pg_event_trigger_ddl_commands(); END $$;\n"
                    + "CREATE EVENT TRIGGER audit ON ddl_command_end EXECUTE FUNCTION audit()");
            Map<String, Long> again = indexOids(connection);

            // WHEN seeded with many rows
            Seeder.seed(connection, SeedOptions.defaults().rows(ROWS).rows("public.ddl_audit", 0));

            // THEN the indexes stayed, and the user's trigger saw no DDL of Rehearsal's
            assertThat(indexOids(connection)).isEqualTo(again);
            assertThat(Sql.number(connection, "SELECT count(*) FROM events")).isEqualTo(ROWS);
            assertThat(Sql.number(connection, "SELECT count(*) FROM ddl_audit")).isZero();
            assertIndexScansAgree(connection);
        }
    }

    private static Map<String, Long> indexOids(Connection connection) throws SQLException {
        Map<String, Long> oids = new TreeMap<>();
        try (var statement = connection.createStatement();
             var rs = statement.executeQuery("SELECT indexrelid::regclass::text, indexrelid::bigint FROM pg_index "
                     + "WHERE indrelid = 'events'::regclass")) {
            while (rs.next()) {
                oids.put(rs.getString(1), rs.getLong(2));
            }
        }
        return oids;
    }

    private static void assertIndexScansAgree(Connection connection) throws SQLException {
        List<String> filters = List.of("tags IS NOT NULL AND tags && (SELECT tags FROM events WHERE tags IS NOT NULL "
                        + "ORDER BY id LIMIT 1)", "attrs @> '{}'", "search @@ to_tsquery('simple', "
                        + "(SELECT split_part(title, ' ', 1) FROM events ORDER BY id LIMIT 1))",
                "account_id >= (SELECT min(account_id) FROM events)");
        for (String filter : filters) {
            long sequential = count(connection, filter, "SET LOCAL enable_indexscan = off; "
                    + "SET LOCAL enable_bitmapscan = off");
            long indexed = count(connection, filter, "SET LOCAL enable_seqscan = off");
            assertThat(indexed).as(filter).isEqualTo(sequential).isPositive();
        }
    }

    private static long count(Connection connection, String filter, String settings) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            Sql.execute(connection, settings);
            return Sql.number(connection, "SELECT count(*) FROM events WHERE " + filter);
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }
}
