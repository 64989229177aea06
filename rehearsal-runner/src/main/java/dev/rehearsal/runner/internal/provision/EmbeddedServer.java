package dev.rehearsal.runner.internal.provision;

import dev.rehearsal.report.PostgresInfo;
import dev.rehearsal.runner.ErrorCode;
import dev.rehearsal.runner.RehearsalException;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server Rehearsal started from a copy of a cached data directory. Closing it — explicitly, or from the
 * JVM's shutdown hook on SIGINT/SIGTERM — stops PostgreSQL, kills it if it does not stop, and deletes its files.
 */
final class EmbeddedServer implements PostgresServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    private static final String USER = "postgres";

    private final EmbeddedPostgres postgres;
    private final RunDirectory run;
    private final PostgresInfo info;
    private final ScratchDatabases databases;
    private final Thread shutdownHook;
    private final AtomicBoolean closed = new AtomicBoolean();

    EmbeddedServer(EmbeddedPostgres postgres, RunDirectory run) {
        this.postgres = postgres;
        this.run = run;
        this.shutdownHook = new Thread(this::close, "rehearsal-postgres-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        DataSource admin = dataSource("postgres");
        this.info = readInfo(admin);
        this.databases = new ScratchDatabases(admin, DataDirectoryCache.TEMPLATE_DATABASE,
                CloneStrategy.fastestFor(info.major()),
                name -> new SimpleScratchDatabase(name, PgDataSources.jdbcUrl("localhost", postgres.getPort(), name, USER),
                        USER, dataSource(name), this::drop));
    }

    int port() {
        return postgres.getPort();
    }

    java.nio.file.Path dataDirectory() {
        return run.dataDirectory();
    }

    @Override
    public PostgresInfo info() {
        return info;
    }

    @Override
    public ScratchDatabase createDatabase(String purpose) {
        if (closed.get()) {
            throw new IllegalStateException("the server is closed");
        }
        return databases.create(purpose);
    }

    private void drop(String name) {
        if (!closed.get()) {
            databases.drop(name);
        }
    }

    private DataSource dataSource(String database) {
        return PgDataSources.of("localhost", postgres.getPort(), database, USER, null);
    }

    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("pg_ctl stop failed: {}", e.getMessage());
        }
        PostmasterProcess.stopIfRunning(run.dataDirectory());
        run.close();
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // The JVM is exiting; the hook runs or has run, and closing twice is harmless.
            }
        }
    }

    static PostgresInfo readInfo(DataSource admin) {
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT current_setting('server_version'), current_setting('server_version_num')::int")) {
            rs.next();
            String version = rs.getString(1).split(" ")[0];
            return new PostgresInfo(version, rs.getInt(2) / 10000, "embedded");
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.POSTGRES_START_FAILED,
                    "PostgreSQL started but does not answer queries: " + e.getMessage(), e);
        }
    }
}
