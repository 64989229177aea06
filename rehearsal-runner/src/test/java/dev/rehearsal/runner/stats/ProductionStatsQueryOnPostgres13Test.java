package dev.rehearsal.runner.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The oldest supported major: the stats query must not use anything newer (production servers lag behind). */
@Tag("slow") // a second PostgreSQL major
class ProductionStatsQueryOnPostgres13Test {

    @Test
    void should_take_the_statistics_on_postgres_13() throws SQLException {
        try (PostgresServer server = PostgresProviders.embedded(13).start();
             ScratchDatabase database = server.createDatabase("stats13")) {
            try (Connection c = database.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE small (id int PRIMARY KEY)");
                s.execute("INSERT INTO small SELECT generate_series(1, 1000)");
                s.execute("CREATE TABLE parts (id int) PARTITION BY RANGE (id)");
                s.execute("CREATE TABLE parts_low PARTITION OF parts FOR VALUES FROM (0) TO (500)");
                s.execute("CREATE TABLE parts_high PARTITION OF parts FOR VALUES FROM (500) TO (1000)");
                s.execute("INSERT INTO parts SELECT generate_series(0, 999)");
                s.execute("ANALYZE small, parts_low, parts_high");
            }

            ProductionStats stats = ProductionStatsFiles.parse(Path.of("pg13"),
                    ProductionStatsQuery.collect(database.jdbcUrl(), Map.of()));

            assertThat(stats.serverVersion()).startsWith("13.");
            assertThat(stats.table("public.small").orElseThrow().rows()).hasValue(1000);
            assertThat(stats.table("public.parts").orElseThrow().rows()).hasValue(1000);
            assertThat(stats.table("public.parts").orElseThrow().partitioned()).isTrue();
        }
    }
}
