package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.report.PostgresInfo;
import dev.rehearsal.runner.config.SearchPath;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.internal.provision.DiscardedWithServer;
import dev.rehearsal.runner.internal.provision.HistoryTemplates;
import dev.rehearsal.runner.internal.provision.TemplateClones;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/**
 * A server whose every database — fresh, cloned from a history or from the user's template — starts its sessions
 * with the configured {@code search_path}: it is set on the database ({@code ALTER DATABASE … SET search_path}), as
 * production's usually is, before anyone connects, so the migrations, the write load, the catalog reader and Flyway
 * parity all resolve names alike. A clone does not inherit a database's settings, so each database gets it.
 */
final class SearchPathServer implements PostgresServer, HistoryTemplates, TemplateClones, DiscardedWithServer {

    private final PostgresServer server;
    private final SearchPath searchPath;

    private SearchPathServer(PostgresServer server, SearchPath searchPath) {
        this.server = server;
        this.searchPath = searchPath;
    }

    /** {@code server} itself when no search path is configured. */
    static PostgresServer wrap(PostgresServer server, SearchPath searchPath) {
        return searchPath == null ? server : new SearchPathServer(server, searchPath);
    }

    @Override
    public PostgresInfo info() {
        return server.info();
    }

    @Override
    public ScratchDatabase createDatabase(String purpose) {
        return withSearchPath(server.createDatabase(purpose));
    }

    @Override
    public ScratchDatabase createDatabase(String purpose, String template) {
        return withSearchPath(server.createDatabase(purpose, template));
    }

    @Override
    public ScratchDatabase cloneTemplate(String purpose, String template) {
        if (!(server instanceof TemplateClones clones)) {
            throw TemplateClones.unsupported(server.info().provider(), template);
        }
        return withSearchPath(clones.cloneTemplate(purpose, template));
    }

    @Override
    public boolean keepsHistories() {
        return server instanceof HistoryTemplates kept && kept.keepsHistories();
    }

    @Override
    public Optional<String> cachedHistory(String key) {
        return server instanceof HistoryTemplates kept ? kept.cachedHistory(key) : Optional.empty();
    }

    @Override
    public String keepHistory(String key, ScratchDatabase database, String description) {
        return server instanceof HistoryTemplates kept ? kept.keepHistory(key, database, description) : database.name();
    }

    @Override
    public boolean databasesGoWithServer() {
        return server instanceof DiscardedWithServer discarded && discarded.databasesGoWithServer();
    }

    @Override
    public java.util.Map<String, String> describedHistories() {
        return server instanceof HistoryTemplates kept ? kept.describedHistories() : java.util.Map.of();
    }

    @Override
    public void useHistory(String name) {
        if (server instanceof HistoryTemplates kept) {
            kept.useHistory(name);
        }
    }

    @Override
    public Optional<String> diskFullEvidence() {
        return server.diskFullEvidence();
    }

    @Override
    public void close() {
        server.close();
    }

    private ScratchDatabase withSearchPath(ScratchDatabase database) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            // the database's owner may set its defaults; the name comes from Rehearsal, the schemas are quoted
            statement.execute("ALTER DATABASE \"" + database.name().replace("\"", "\"\"") + "\" SET search_path TO "
                    + searchPath.sql());
        } catch (SQLException e) {
            database.close();
            throw new RehearsalException(ErrorCode.INVALID_OPTION, "Could not set searchPath " + searchPath
                    + " on the scratch database " + database.name() + ": " + e.getMessage() + " [SQLSTATE "
                    + e.getSQLState() + "]. Check the schema names.", e);
        }
        return database;
    }
}
