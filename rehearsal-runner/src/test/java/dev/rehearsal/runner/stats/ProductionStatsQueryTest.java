package dev.rehearsal.runner.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.EmbeddedServer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The stats query on a real server, run as a role that may log in and nothing else: it must see every user table's
 * size without any privilege on the tables, sum a partitioned table's partitions, and leave out the catalogs.
 */
@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
class ProductionStatsQueryTest {

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    private ScratchDatabase database;
    private String role;

    @BeforeEach
    void setUp() throws SQLException {
        database = server.createDatabase("stats");
        role = "stats_reader_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN");
            s.execute("CREATE TABLE small (id int PRIMARY KEY, label text)");
            s.execute("INSERT INTO small SELECT g, 'row ' || g FROM generate_series(1, 1000) g");
            s.execute("CREATE TABLE docs (id int, body text)");
            // incompressible values over the TOAST threshold
            s.execute("INSERT INTO docs SELECT g, (SELECT string_agg(md5(g::text || i::text), '') "
                    + "FROM generate_series(1, 200) i) FROM generate_series(1, 50) g");
            s.execute("CREATE SCHEMA shop");
            s.execute("CREATE TABLE shop.orders (id int, region text) PARTITION BY LIST (region)");
            s.execute("CREATE TABLE shop.orders_eu PARTITION OF shop.orders FOR VALUES IN ('eu')");
            s.execute("CREATE TABLE shop.orders_us PARTITION OF shop.orders FOR VALUES IN ('us')");
            s.execute("INSERT INTO shop.orders SELECT g, CASE WHEN g % 4 = 0 THEN 'us' ELSE 'eu' END "
                    + "FROM generate_series(1, 2000) g");
            s.execute("ANALYZE small, docs, shop.orders_eu, shop.orders_us");
            s.execute("CREATE TABLE fresh (id int)"); // never analyzed: no estimate
            s.execute("INSERT INTO fresh SELECT generate_series(1, 10)");
        }
    }

    @AfterEach
    void tearDown() throws SQLException {
        database.close();
        try (ScratchDatabase admin = server.createDatabase("drop-role"); Connection c = admin.connect();
             Statement s = c.createStatement()) {
            s.execute("DROP ROLE IF EXISTS " + role);
        }
    }

    @Test
    void should_read_every_user_table_as_a_role_without_privileges_on_them() {
        // WHEN the query runs as a role that owns nothing and was granted nothing
        ProductionStats stats = ProductionStatsFiles.parse(java.nio.file.Path.of("test"),
                ProductionStatsQuery.collect(asRole(role), Map.of()));

        // THEN it names each user table, with the planner's estimates and the sizes of its parts
        assertThat(stats.version()).isEqualTo(ProductionStats.FORMAT_VERSION);
        assertThat(stats.database()).isEqualTo(database.name());
        assertThat(stats.tables()).extracting(TableStats::qualifiedName).containsExactly("public.docs",
                "public.fresh", "public.small", "shop.orders", "shop.orders_eu", "shop.orders_us");
        TableStats small = stats.table("public.small").orElseThrow();
        assertThat(small.rows()).hasValue(1000);
        assertThat(small.pages()).isPositive();
        assertThat(small.heapBytes()).isEqualTo(small.pages() * 8192);
        assertThat(small.indexBytes()).isPositive();
        TableStats docs = stats.table("public.docs").orElseThrow();
        assertThat(docs.toastBytes()).isGreaterThan(docs.heapBytes());
        TableStats orders = stats.table("shop.orders").orElseThrow();
        assertThat(orders.partitioned()).isTrue();
        assertThat(orders.rows()).hasValue(2000);
        assertThat(orders.heapBytes()).isEqualTo(stats.table("shop.orders_eu").orElseThrow().heapBytes()
                + stats.table("shop.orders_us").orElseThrow().heapBytes());
        assertThat(stats.table("shop.orders_us").orElseThrow().rows()).hasValue(500);
        assertThat(stats.table("public.fresh").orElseThrow().rows()).isEmpty();
    }

    @Test
    void should_give_up_after_the_lock_timeout_instead_of_queueing_behind_a_migration() throws SQLException {
        // GIVEN a session that holds an ACCESS EXCLUSIVE lock on a table, as a migration would
        try (Connection holder = database.connect(); Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            s.execute("LOCK TABLE small IN ACCESS EXCLUSIVE MODE");

            // WHEN the statistics are taken, THEN the query stops after its lock timeout and says why
            assertThatThrownBy(() -> ProductionStatsQuery.collect(asRole(role), Map.of()))
                    .isInstanceOfSatisfying(RehearsalException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.DATABASE_UNREACHABLE))
                    .hasMessageContaining("locked for more than " + ProductionStatsQuery.LOCK_TIMEOUT);
            holder.rollback();
        }
    }

    @Test
    void should_refuse_a_url_that_is_not_a_postgres_one_without_showing_its_password() {
        assertThatThrownBy(() -> ProductionStatsQuery.collect("jdbc:mysql://db/x?password=hunter2-secret", Map.of()))
                .isInstanceOfSatisfying(RehearsalException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.INVALID_OPTION))
                .hasMessageNotContaining("hunter2-secret")
                .hasMessageContaining("not a PostgreSQL JDBC URL");
    }

    private String asRole(String name) {
        return database.jdbcUrl().replaceAll("([?&])user=[^&]*", "$1user=" + name);
    }
}
