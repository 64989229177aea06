package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.report.AppliedHistory;
import dev.rehearsal.report.PostgresInfo;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.internal.provision.HistoryTemplates;
import dev.rehearsal.runner.internal.provision.TemplateClones;
import dev.rehearsal.runner.internal.trace.Instrumentation;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.source.Migration;
import dev.rehearsal.runner.source.MigrationScript;
import dev.rehearsal.runner.source.MigrationSet;
import dev.rehearsal.runner.source.RunCondition;
import dev.rehearsal.runner.source.SqlStatement;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.postgresql.PGConnection;

/**
 * The history before the pending migrations, applied once the fast way — each script in order, in its transaction
 * mode, as Flyway would, with no tracing, snapshot or round trip — into a database that every rehearsal database of
 * the run is cloned from. A server that keeps histories between runs ({@link HistoryTemplates}) is asked first.
 */
final class History implements AutoCloseable {

    private final String template;
    private final ScratchDatabase owned;
    private final AppliedHistory applied;
    /** Whether {@link #template} is the user's copy of production, cloned through {@link TemplateClones}. */
    private final boolean userTemplate;
    /** A clone made already (to read the user template's history), handed out by the first {@link #cloneFor}. */
    private ScratchDatabase spare;

    private History(String template, ScratchDatabase owned, AppliedHistory applied) {
        this(template, owned, applied, false, null);
    }

    private History(String template, ScratchDatabase owned, AppliedHistory applied, boolean userTemplate,
            ScratchDatabase spare) {
        this.template = template;
        this.owned = owned;
        this.applied = applied;
        this.userTemplate = userTemplate;
        this.spare = spare;
    }

    /**
     * The history a copy of production already holds: every rehearsal database is a clone of {@code template};
     * {@code firstClone}, made to read its history table, serves the first of them.
     */
    static History onTemplate(String template, ScratchDatabase firstClone, AppliedHistory applied) {
        return new History(template, null, applied, true, firstClone);
    }

    /**
     * The key of a history: a hash of its scripts' paths, checksums and transaction modes and of the placeholder
     * values (the checksums are taken before placeholders are replaced). The server's major version is part of the
     * cached data directory's name.
     */
    static String key(List<Migration> history, Map<String, String> placeholders,
            dev.rehearsal.runner.config.SearchPath searchPath) {
        StringBuilder text = new StringBuilder();
        for (Migration migration : history) {
            MigrationScript up = migration.up();
            text.append(up.path()).append('\0').append(up.checksum()).append('\0').append(up.transactional())
                    .append('\n');
        }
        new TreeMap<>(placeholders).forEach((name, value) -> text.append(name).append('=').append(value).append('\n'));
        if (searchPath != null) { // the same scripts put their objects elsewhere under another search_path
            text.append("search_path=").append(searchPath.sql());
        }
        text.append("history rows marked\n"); // histories cached before their rows were marked are not reused
        return hash(text.toString());
    }

    /** A key for the cache: the first 16 hex digits of the text's SHA-256. */
    static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Clones the cached history when the server holds it, else applies it into a new database. */
    static History prepare(PostgresServer server, List<Migration> history, String key, ToolHistoryTable toolTable,
            MigrationSet set) {
        long started = System.nanoTime();
        List<String> versions = history.stream().map(m -> m.version() == null ? m.up().fileName() : m.version())
                .toList();
        String upTo = history.get(history.size() - 1).version();
        HistoryTemplates templates = server instanceof HistoryTemplates t ? t : null;
        if (templates != null) {
            var cached = templates.cachedHistory(key);
            if (cached.isPresent()) {
                return new History(cached.get(), null,
                        new AppliedHistory(versions, upTo, true, (System.nanoTime() - started) / 1e6));
            }
        }
        ScratchDatabase database = server.createDatabase("history");
        try {
            if (toolTable != null) {
                toolTable.create(database); // production's tool made it before its first migration
            }
            apply(database, history, set, server.info());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        AppliedHistory applied = new AppliedHistory(versions, upTo, false, (System.nanoTime() - started) / 1e6);
        if (templates != null) {
            String kept = templates.keepHistory(key, database);
            if (!kept.equals(database.name())) {
                return new History(kept, null, applied);
            }
        }
        return new History(database.name(), database, applied);
    }

    /** A fresh database holding the history. */
    ScratchDatabase cloneFor(PostgresServer server, String purpose) {
        ScratchDatabase first = takeSpare();
        if (first != null) {
            return first;
        }
        if (userTemplate) {
            if (!(server instanceof TemplateClones clones)) {
                throw TemplateClones.unsupported(server.info().provider(), template);
            }
            return clones.cloneTemplate(purpose, template);
        }
        return server.createDatabase(purpose, template);
    }

    /** The history's own database for the first caller; two databases may be cloned at once (CloneAhead). */
    private synchronized ScratchDatabase takeSpare() {
        ScratchDatabase first = spare;
        spare = null;
        return first;
    }

    AppliedHistory applied() {
        return applied;
    }

    @Override
    public void close() {
        if (owned != null) {
            owned.close();
        }
        ScratchDatabase unused = takeSpare();
        if (unused != null) {
            unused.close();
        }
    }

    private static void apply(ScratchDatabase database, List<Migration> history, MigrationSet set,
            PostgresInfo info) {
        try (Connection connection = database.connect()) {
            List<Failure> leftOut = new ArrayList<>();
            for (Migration migration : history) {
                Failure failure = appliedByTool(connection, migration) ? apply(connection, migration.up()) : null;
                if (failure == null) {
                    continue;
                }
                if (!AfterUnrunMigrations.leavesOut(failure.sqlState(), failure.rolledBack(),
                        set.unrunBefore(migration))) {
                    throw MissingExtension.stop(failure.sqlState(), failure.message(), info,
                            failure.script().path() + ":" + failure.line(), "the pending migrations after the history")
                            .orElse(failure.exception());
                }
                leftOut.add(failure); // the history goes on without it, as the rehearsal's own chain does
            }
            markHistoryRows(connection);
            markLeftOut(connection, leftOut);
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.DATABASE_UNREACHABLE, "Could not connect to apply the history: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Whether the tool applies the migration where the history has reached: its condition (a Liquibase changeSet's
     * preconditions) holds or only warns. A condition that stops the update means production's history cannot go on.
     */
    private static boolean appliedByTool(Connection connection, Migration migration) throws SQLException {
        if (migration.condition() == null) {
            return true;
        }
        RunCondition.Decision decision = RunConditions.check(connection, migration);
        if (decision.outcome() == RunCondition.Outcome.HALT) {
            throw new RehearsalException(ErrorCode.INVALID_SCRIPT, migration.up().path() + ": "
                    + migration.displayName() + " is in the applied history, yet " + decision.reason() + ", so the "
                    + "update would stop there. Rehearse from a copy of production's schema (--template-database).");
        }
        return decision.outcome() == RunCondition.Outcome.RUN;
    }

    /**
     * Notes where the history's transactions end: the rows it wrote (a changeSet's initial data) are the migrations'
     * own, never removed as generated ones when a pending migration rejects them — production holds them too.
     */
    private static void markHistoryRows(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS " + Instrumentation.SCHEMA + ";\n"
                    + "CREATE TABLE " + Instrumentation.HISTORY_ROWS + " AS SELECT txid_current() % 4294967296 AS horizon");
        }
    }

    /**
     * A script of the history that failed: where, PostgreSQL's error and whether its transaction took all of it back.
     *
     * @param line 0 when unknown
     */
    private record Failure(MigrationScript script, int line, String sqlState, String message, boolean rolledBack,
                           RehearsalException exception) {
    }

    /** Records the history's migrations left out in the history's database, which every clone of it carries. */
    private static void markLeftOut(Connection connection, List<Failure> leftOut) throws SQLException {
        if (leftOut.isEmpty()) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + Instrumentation.HISTORY_LEFT_OUT + " (position int, path text, "
                    + "line int, sql_state text, message text)");
        }
        try (java.sql.PreparedStatement insert = connection.prepareStatement("INSERT INTO "
                + Instrumentation.HISTORY_LEFT_OUT + " VALUES (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < leftOut.size(); i++) {
                Failure failure = leftOut.get(i);
                insert.setInt(1, i);
                insert.setString(2, failure.script().path());
                insert.setInt(3, failure.line());
                insert.setString(4, failure.sqlState());
                insert.setString(5, failure.message());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /** Applies one script; its failure, or null when it applied. */
    private static Failure apply(Connection connection, MigrationScript script) throws SQLException {
        if (script.isJava()) {
            applyJava(connection, script);
            return null;
        }
        boolean transactional = script.transactional();
        connection.setAutoCommit(!transactional);
        SqlStatement current = null;
        try (Statement statement = connection.createStatement()) {
            for (SqlStatement sql : script.statements()) {
                current = sql;
                if (sql.copiesFromStdin()) {
                    connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql.sql(),
                            new StringReader(sql.copyData()));
                } else {
                    statement.execute(sql.sql());
                }
            }
            if (transactional) {
                connection.commit();
            }
            return null;
        } catch (SQLException | IOException e) {
            if (transactional) {
                connection.rollback();
            }
            String state = e instanceof SQLException sqlError ? sqlError.getSQLState() : null;
            if (state != null && state.startsWith("08")) {
                throw new RehearsalException(ErrorCode.CONNECTION_LOST, "The connection was lost while the history "
                        + "was applied (" + e.getMessage() + ").", e);
            }
            String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            return new Failure(script, current == null ? 0 : current.line(), state, message, transactional,
                    new RehearsalException(ErrorCode.INVALID_SCRIPT, script.path()
                    + (current == null ? "" : ":" + current.line()) + " failed when the history before the pending "
                    + "migrations was applied: " + message
                    + ". Every migration of the history must apply on an empty database; rehearse the whole chain "
                    + "(without pendingAfter or changedSince) to see the failure in full.", e));
        } finally {
            connection.setAutoCommit(true);
        }
    }

    /** A Java migration of the history runs as Flyway runs it: in a transaction unless it says it cannot. */
    private static void applyJava(Connection connection, MigrationScript script) throws SQLException {
        boolean transactional = script.transactional();
        connection.setAutoCommit(!transactional);
        try {
            script.java().body().migrate(connection);
            if (transactional) {
                connection.commit();
            }
        } catch (Exception e) {
            if (transactional) {
                connection.rollback();
            }
            throw new RehearsalException(ErrorCode.INVALID_SCRIPT, script.path() + " (" + script.java().className()
                    + ") failed when the history before the pending migrations was applied: " + e
                    + ". Every migration of the history must apply on an empty database; rehearse the whole chain "
                    + "(without pendingAfter or changedSince) to see the failure in full.", e);
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
