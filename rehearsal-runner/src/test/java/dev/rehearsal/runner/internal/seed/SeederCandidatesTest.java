package dev.rehearsal.runner.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.SeedSummary;
import dev.rehearsal.report.SeedSummary.SeededTable;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.EmbeddedServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** CHECKs the generators do not read: PostgreSQL judges candidate values and the seeder uses those it accepts. */
class SeederCandidatesTest {

    private static final int ROWS = 3_000;
    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @Test
    void should_fill_customers_whose_email_checks_it_does_not_read_and_their_orders() throws SQLException {
        // GIVEN position('@'), LIKE, regex and domain CHECKs on text columns, two of them unique
        try (ScratchDatabase db = server.createDatabase("orders_service")) {
            Sql.execute(db, Sql.resource(SeederCandidatesTest.class, "orders-service.sql"));

            // WHEN
            Map<String, SeededTable> seeded = byName(seed(db, SeedOptions.defaults().rows(ROWS)));

            // THEN both tables reach the target without a note; the server checked every constraint on COPY
            assertThat(seeded.get("svc.customers")).isEqualTo(new SeededTable("svc.customers", ROWS, null));
            assertThat(seeded.get("svc.orders")).isEqualTo(new SeededTable("svc.orders", ROWS, null));
            assertThat(Sql.number(db, "SELECT count(DISTINCT email) FROM svc.customers")).isEqualTo(ROWS);
            assertThat(Sql.number(db, "SELECT count(DISTINCT code) FROM svc.customers")).isEqualTo(ROWS);
            // the nullable column still gets values, not only NULLs
            assertThat(Sql.number(db, "SELECT count(backup) FROM svc.customers")).isGreaterThan(ROWS / 2);
        }
    }

    @Test
    void should_fill_tables_whose_checks_over_several_columns_random_rows_rarely_pass() throws SQLException {
        // GIVEN exactly one of two nullable columns set, and two numbers close to each other
        try (ScratchDatabase db = server.createDatabase("tuples")) {
            Sql.execute(db, """
                    CREATE TABLE public.protected_branches (
                        id bigint PRIMARY KEY, project_id bigint, namespace_id bigint,
                        CONSTRAINT one_owner CHECK ((project_id IS NULL) <> (namespace_id IS NULL)));
                    CREATE TABLE public.ranges (
                        id int PRIMARY KEY, low int NOT NULL, high int NOT NULL,
                        CONSTRAINT narrow CHECK (low < high AND high - low <= 10));""");

            // WHEN
            Map<String, SeededTable> seeded = byName(seed(db, SeedOptions.defaults().rows(ROWS)));

            // THEN both are full, with more than one accepted combination
            assertThat(seeded.get("public.protected_branches"))
                    .isEqualTo(new SeededTable("public.protected_branches", ROWS, null));
            assertThat(seeded.get("public.ranges")).isEqualTo(new SeededTable("public.ranges", ROWS, null));
            assertThat(Sql.number(db, "SELECT count(*) FROM public.protected_branches WHERE project_id IS NULL"))
                    .isPositive().isLessThan(ROWS);
            assertThat(Sql.number(db, "SELECT count(DISTINCT (low, high)) FROM public.ranges")).isGreaterThan(1);
        }
    }

    @Test
    void should_add_the_values_a_demand_asks_for_to_what_the_checks_allow() throws SQLException {
        // GIVEN a text column a later migration will cast to jsonb
        try (ScratchDatabase db = server.createDatabase("demand")) {
            Sql.execute(db, "CREATE TABLE public.events (id int PRIMARY KEY, payload text NOT NULL)");
            ColumnDemand jsonLater = new ColumnDemand("payload", "(payload::jsonb) IS NOT NULL",
                    List.of("{\"kind\": \"created\"}"), "V2__payload_to_jsonb.sql:1");

            // WHEN
            SeedSummary summary = seed(db, SeedOptions.defaults().rows(500)
                    .demands("public.events", List.of(jsonLater)));

            // THEN every value casts (a value that failed the cast would have been rejected)
            assertThat(byName(summary).get("public.events").rows()).isEqualTo(500);
            assertThat(Sql.number(db, "SELECT count(*) FROM public.events WHERE payload::jsonb IS NOT NULL"))
                    .isEqualTo(500);
        }
    }

    private static SeedSummary seed(ScratchDatabase db, SeedOptions options) throws SQLException {
        try (Connection connection = db.connect()) {
            return Seeder.seed(connection, options);
        }
    }

    private static Map<String, SeededTable> byName(SeedSummary summary) {
        return summary.tables().stream().collect(Collectors.toMap(SeededTable::relation, t -> t));
    }
}
