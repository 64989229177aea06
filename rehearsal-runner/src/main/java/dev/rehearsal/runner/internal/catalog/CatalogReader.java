package dev.rehearsal.runner.internal.catalog;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.postgresql.PGStatement;

/**
 * Runs the catalog query. The query and the settings it needs travel in one batch, so a snapshot costs one round
 * trip plus the rollback that undoes the settings (none inside an open transaction, where a savepoint does that).
 */
final class CatalogReader {

    private static final String QUERY = load("catalog-snapshot.sql");
    private static final String SAVEPOINT = "rehearsal_catalog_snapshot";

    /**
     * With an empty search path every name that the server prints is schema-qualified; the other settings fix how
     * constants in defaults and expressions are printed, so that the session's own settings cannot change a
     * definition.
     */
    private static final String SESSION_SETTINGS = "SET search_path = '';\n"
            + "SET DateStyle = 'ISO, YMD';\n"
            + "SET IntervalStyle = 'postgres';\n"
            + "SET TimeZone = 'UTC';\n"
            + "SET extra_float_digits = 1;\n";
    private static final String SETTINGS = SESSION_SETTINGS.replace("SET ", "SET LOCAL ");

    private CatalogReader() {
    }

    static CatalogSnapshot read(Connection connection) {
        try {
            return connection.getAutoCommit() ? readInOwnTransaction(connection) : readInSavepoint(connection);
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private static CatalogSnapshot readInOwnTransaction(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        CatalogSnapshot snapshot;
        try (Statement statement = connection.createStatement()) {
            snapshot = collect(statement, statement.execute(SETTINGS + QUERY));
        } catch (SQLException e) {
            try {
                endTransaction(connection);
            } catch (SQLException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw e;
        }
        endTransaction(connection);
        return snapshot;
    }

    private static void endTransaction(Connection connection) throws SQLException {
        connection.rollback();
        connection.setAutoCommit(true);
    }

    /** Inside the caller's transaction: the savepoint takes back the settings and the catalog locks. */
    private static CatalogSnapshot readInSavepoint(Connection connection) throws SQLException {
        String release = "ROLLBACK TO SAVEPOINT " + SAVEPOINT + ";\nRELEASE SAVEPOINT " + SAVEPOINT;
        try (Statement statement = connection.createStatement()) {
            try {
                String batch = "SAVEPOINT " + SAVEPOINT + ";\n" + SETTINGS + QUERY + ";\n" + release;
                return collect(statement, statement.execute(batch));
            } catch (SQLException e) {
                try {
                    statement.execute(release);
                } catch (SQLException suppressed) {
                    e.addSuppressed(suppressed);
                }
                throw e;
            }
        }
    }

    /**
     * Prepares the catalog query on a connection of its own, with the settings the query needs made for the whole
     * session. Used by {@link CatalogSession}: a plan made once serves every later snapshot, where the batch with
     * {@code SET LOCAL} is planned again each time (PostgreSQL re-plans a cached query whose search path changed).
     */
    static PreparedStatement prepare(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(SESSION_SETTINGS);
        }
        PreparedStatement prepared = connection.prepareStatement(QUERY);
        prepared.unwrap(PGStatement.class).setPrepareThreshold(1);
        return prepared;
    }

    /** Runs the query {@link #prepare} made. */
    static CatalogSnapshot read(PreparedStatement prepared) {
        try {
            return collect(prepared, prepared.execute());
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Collects the rows of what {@code statement} has just run; {@code isResultSet} is what its execute returned. */
    private static CatalogSnapshot collect(Statement statement, boolean isResultSet) throws SQLException {
        Map<String, CatalogObject> objects = new TreeMap<>();
        Map<String, List<String>> columnOrder = new TreeMap<>();
        while (isResultSet || statement.getUpdateCount() != -1) {
            if (isResultSet) {
                try (ResultSet rows = statement.getResultSet()) {
                    while (rows.next()) {
                        add(rows, objects, columnOrder);
                    }
                }
            }
            isResultSet = statement.getMoreResults();
        }
        return new CatalogSnapshot(objects, columnOrder);
    }

    private static void add(ResultSet row, Map<String, CatalogObject> objects, Map<String, List<String>> columnOrder)
            throws SQLException {
        String kind = row.getString("kind");
        String name = row.getString("name");
        if ("column order".equals(kind)) {
            Array columns = row.getArray("columns");
            columnOrder.put(name, new ArrayList<>(Arrays.asList((String[]) columns.getArray())));
            return;
        }
        CatalogObject object = new CatalogObject(ObjectKind.ofLabel(kind), name, row.getString("definition"));
        // Identities are unique by construction; should the catalog ever hold a surprise, keep both definitions.
        objects.merge(object.identity(), object, (first, second) -> new CatalogObject(first.kind(), first.name(),
                String.join(" | ", new TreeSet<>(List.of(first.definition(), second.definition())))));
    }

    private static RehearsalException failure(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("08")) {
            return new RehearsalException(ErrorCode.CONNECTION_LOST,
                    "The connection was lost while reading the catalog (SQLState " + state + "): " + e.getMessage(), e);
        }
        String fix = "25P02".equals(state)
                ? " The connection's transaction had already failed; roll it back before taking a snapshot."
                : " The catalog query is meant to work on PostgreSQL 13 to 18; if the server is one of them, please"
                        + " report this message with the server's version.";
        return new RehearsalException(ErrorCode.CATALOG_UNREADABLE,
                "Could not read the catalog (SQLState " + state + "): " + e.getMessage() + "." + fix, e);
    }

    private static String load(String resource) {
        try (InputStream in = CatalogReader.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " next to " + CatalogReader.class);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
