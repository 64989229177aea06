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
import java.util.HashMap;
import java.util.Map;
import org.postgresql.PGStatement;

/**
 * Runs the catalog query. The query and the settings it needs travel in one batch, so a snapshot costs one round
 * trip plus the rollback that undoes the settings (none inside an open transaction, where a savepoint does that).
 */
final class CatalogReader {

    private static final String QUERY = load("catalog-snapshot.sql");
    /**
     * The query for some relations only: those of the array parameter and the relations whose objects print them.
     * Their OIDs are gathered into an array first ({@code = ANY (ARRAY(…))}, an init plan), so that the relations
     * and their identity sequences are looked up through the catalogs' indexes: with {@code IN (…)} the generic plan
     * scanned all of {@code pg_class} and every relation's dependencies in {@code pg_depend}, which grows with the
     * schema (re-reading one table: 2.5 ms with 3 500 relations, 1.4 ms this way; PostgreSQL 18).
     */
    private static final String RELATIONS_QUERY = QUERY
            .replace("/* RELATIONS */ TRUE", "c.oid = ANY (ARRAY(\n" + load("catalog-dependents.sql") + "\n))")
            .replace("/* IDENTITY OF RELATIONS */ TRUE", "d.objid = ANY (ARRAY(SELECT oid FROM rel))")
            .replace("/* WHOLE CATALOG */ TRUE", "FALSE");
    private static final String FINGERPRINT_QUERY = load("catalog-fingerprint.sql");
    private static final String CHANGED_FROM_PARAMETER = "SELECT unnest(?::oid[]) AS oid";
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
            // one plan for the query of some relations, whatever relations it is given: planning it costs more
            // than running it
            statement.execute("SET plan_cache_mode = force_generic_plan");
        }
        return prepared(connection, QUERY);
    }

    /** Prepares the query for some relations on a connection {@link #prepare} has set up. */
    static PreparedStatement prepareRelations(Connection connection) throws SQLException {
        return prepared(connection, RELATIONS_QUERY);
    }

    /**
     * Prepares {@code before} and, in the same round trip, the query for some relations: those {@code changed} (a
     * query of one column of OIDs, with its own parameters) names and the relations whose objects print them.
     */
    static PreparedStatement prepareRelationsAfter(Connection connection, String before, String changed)
            throws SQLException {
        if (!RELATIONS_QUERY.contains(CHANGED_FROM_PARAMETER)) {
            throw new IllegalStateException("catalog-dependents.sql no longer reads the changed relations from its "
                    + "parameter as " + CHANGED_FROM_PARAMETER);
        }
        return prepared(connection, before + ";\n" + RELATIONS_QUERY.replace(CHANGED_FROM_PARAMETER, changed));
    }

    /** Prepares the fingerprint query (see catalog-fingerprint.sql). */
    static PreparedStatement prepareFingerprint(Connection connection) throws SQLException {
        return prepared(connection, FINGERPRINT_QUERY);
    }

    private static PreparedStatement prepared(Connection connection, String sql) throws SQLException {
        PreparedStatement prepared = connection.prepareStatement(sql);
        prepared.unwrap(PGStatement.class).setPrepareThreshold(1);
        return prepared;
    }

    /** Collects the rows of the next result of {@code statement}: the relations query after another one. */
    static CatalogRead readNextRows(Statement statement) {
        try {
            return collectRead(statement, statement.getMoreResults());
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs a query {@link #prepare} or {@link #prepareRelations} made, with its rows' relations. */
    static CatalogRead readRows(PreparedStatement prepared) {
        try {
            return collectRead(prepared, prepared.execute());
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** Runs the fingerprint query: fingerprints by relation OID, and the one of everything else under null. */
    static Map<Long, String> fingerprints(PreparedStatement prepared) {
        Map<Long, String> fingerprints = new HashMap<>();
        try (ResultSet rows = prepared.executeQuery()) {
            while (rows.next()) {
                long relid = rows.getLong(1);
                fingerprints.put(rows.wasNull() ? null : relid, rows.getString(2));
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return fingerprints;
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
        return collectRead(statement, isResultSet).snapshot();
    }

    static CatalogRead collectRead(Statement statement, boolean isResultSet) throws SQLException {
        CatalogRead read = CatalogRead.empty();
        while (isResultSet || statement.getUpdateCount() != -1) {
            if (isResultSet) {
                try (ResultSet rows = statement.getResultSet()) {
                    while (rows.next()) {
                        add(rows, read);
                    }
                }
            }
            isResultSet = statement.getMoreResults();
        }
        return read;
    }

    private static void add(ResultSet row, CatalogRead read) throws SQLException {
        Array columns = row.getArray("columns");
        long relid = row.getLong("relid");
        read.add(row.getString("kind"), row.getString("name"), row.getString("definition"),
                columns == null ? null : (String[]) columns.getArray(), row.wasNull() ? null : relid);
    }

    static RehearsalException failure(SQLException e) {
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
