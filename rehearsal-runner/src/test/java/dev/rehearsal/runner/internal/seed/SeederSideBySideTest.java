package dev.rehearsal.runner.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.SeedSummary;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.support.EmbeddedServer;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Tables no foreign key ties together are filled on two sessions at once; the rows are the very rows one session
 * fills one table after the other (parents before children, a self-reference, a cycle broken by a nullable key,
 * an identity, generated columns), and a schema whose INSERTs may write elsewhere is filled on one session.
 */
@Tag("slow") // seeds the every-shape schema three times
class SeederSideBySideTest {

    private static final int ROWS = 2_000;
    static final String SCHEMA = Sql.resource(SeederTest.class, "every-shape.sql");
    /** The every-shape schema's tables the seeder fills. */
    static final List<String> TABLES = List.of("shop.customers", "shop.orders", "shop.order_lines",
            "shop.categories", "shop.events", "shop.bookings", "shop.owners", "shop.accounts", "shop.visits");

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    @Test
    void should_fill_the_same_rows_on_two_sessions_as_on_one() throws SQLException {
        try (ScratchDatabase alone = schema("one_session"); ScratchDatabase both = schema("two_sessions")) {
            // GIVEN one database filled on one session
            SeedSummary oneSession = seed(alone, null);
            AtomicInteger opened = new AtomicInteger();
            AtomicInteger statements = new AtomicInteger();

            // WHEN the same schema is filled with a second session at hand
            SeedSummary twoSessions = seed(both, () -> {
                opened.incrementAndGet();
                return counting(both.connect(), statements);
            });

            // THEN the second session filled tables, and every table holds the same rows, reported alike
            assertThat(opened).hasValue(1);
            assertThat(statements.get()).as("statements of the second session").isPositive();
            assertThat(twoSessions.tables()).isEqualTo(oneSession.tables());
            for (String table : TABLES) {
                assertThat(Sql.digest(both, table)).as(table).isEqualTo(Sql.digest(alone, table));
            }
            assertThat(Sql.number(both, "SELECT count(*) FROM shop.order_lines")).isEqualTo(ROWS);
        }
    }

    @Test
    void should_fill_on_one_session_when_an_insert_trigger_could_write_to_another_table() throws SQLException {
        try (ScratchDatabase db = schema("insert_trigger")) {
            Sql.execute(db, """
                    CREATE TABLE shop.audit (at timestamptz);
                    CREATE FUNCTION shop.audit_row() RETURNS trigger LANGUAGE plpgsql AS
                      'BEGIN INSERT INTO shop.audit VALUES (now()); RETURN NEW; END';
                    CREATE TRIGGER events_audit AFTER INSERT ON shop.events FOR EACH ROW EXECUTE FUNCTION shop.audit_row();
                    """);
            AtomicInteger opened = new AtomicInteger();

            SeedSummary summary = seed(db, () -> {
                opened.incrementAndGet();
                return db.connect();
            });

            assertThat(opened).hasValue(0);
            assertThat(summary.tables()).anySatisfy(t -> assertThat(t.relation()).isEqualTo("shop.events"));
        }
    }

    private static ScratchDatabase schema(String purpose) throws SQLException {
        ScratchDatabase db = server.createDatabase(purpose);
        Sql.execute(db, SCHEMA);
        return db;
    }

    private static SeedSummary seed(ScratchDatabase db, Seeder.MoreSessions more) throws SQLException {
        try (Connection connection = db.connect()) {
            return Seeder.seed(connection, more, SeedOptions.defaults().rows(ROWS), ChainDemands.NONE, table -> true);
        }
    }

    /** The connection, counting the statements created on it. */
    private static Connection counting(Connection connection, AtomicInteger statements) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("createStatement") || method.getName().startsWith("prepare")) {
                        statements.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (java.lang.reflect.InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
