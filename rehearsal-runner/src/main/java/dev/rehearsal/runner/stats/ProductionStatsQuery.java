package dev.rehearsal.runner.stats;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.internal.provision.Secrets;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import org.postgresql.Driver;

/**
 * The query that takes {@link ProductionStats} on a production server. Users run {@link #SQL} themselves (psql), or
 * let {@link #collect} run it: in a read-only transaction with a lock timeout, so it can neither change nor hold up
 * anything.
 */
public final class ProductionStatsQuery {

    /** The query, with comments that say what it reads and how to save its result; one JSON value, one row. */
    public static final String SQL = load();

    /** How long the size functions may wait for a table's ACCESS SHARE lock before the query gives up. */
    static final String LOCK_TIMEOUT = "5s";

    private ProductionStatsQuery() {
    }

    /**
     * Runs {@link #SQL} on the server of this JDBC URL and returns the JSON it produced. The password comes from the
     * URL or, as libpq does, from {@code PGPASSWORD}; no message shows it.
     */
    public static String collect(String jdbcUrl) {
        return collect(jdbcUrl, System.getenv());
    }

    static String collect(String jdbcUrl, Map<String, String> environment) {
        Properties properties = Driver.parseURL(jdbcUrl, new Properties());
        if (properties == null) {
            throw new RehearsalException(ErrorCode.INVALID_OPTION, "'" + Secrets.redactUrl(jdbcUrl)
                    + "' is not a PostgreSQL JDBC URL; write it like jdbc:postgresql://db.example.com:5432/shop?user=me");
        }
        Properties login = new Properties();
        if (properties.getProperty("password") == null && environment.get("PGPASSWORD") != null) {
            login.setProperty("password", environment.get("PGPASSWORD"));
        }
        login.setProperty("ApplicationName", "rehearse stats");
        try (Connection connection = DriverManager.getConnection(jdbcUrl, login)) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("SET TRANSACTION READ ONLY");
                statement.execute("SET LOCAL lock_timeout = '" + LOCK_TIMEOUT + "'");
                statement.execute("SET LOCAL statement_timeout = '5min'");
                try (ResultSet rs = statement.executeQuery(SQL)) {
                    rs.next();
                    String json = rs.getString(1);
                    connection.rollback(); // read only: nothing to keep
                    return json;
                }
            }
        } catch (SQLException e) {
            String state = String.valueOf(e.getSQLState());
            if (state.equals("55P03")) {
                throw new RehearsalException(ErrorCode.DATABASE_UNREACHABLE, "A table was locked for more than "
                        + LOCK_TIMEOUT + " (a migration or maintenance holds it), so its size could not be read. "
                        + "Run `rehearse stats` again when nothing holds an exclusive lock.", e);
            }
            throw new RehearsalException(ErrorCode.DATABASE_UNREACHABLE, "Could not read the statistics of "
                    + Secrets.redactUrl(jdbcUrl) + ": " + String.valueOf(e.getMessage()).strip()
                    + (state.startsWith("08") || state.startsWith("28") ? " Check host, port, user and password "
                    + "(the password can also come from PGPASSWORD)." : ""), e);
        }
    }

    private static String load() {
        try (InputStream in = ProductionStatsQuery.class.getResourceAsStream("production-stats.sql")) {
            if (in == null) {
                throw new IllegalStateException("production-stats.sql is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
