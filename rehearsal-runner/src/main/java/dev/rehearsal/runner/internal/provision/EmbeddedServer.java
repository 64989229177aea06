package dev.rehearsal.runner.internal.provision;

import dev.rehearsal.report.PostgresInfo;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.internal.util.IdleSessions;
import dev.rehearsal.runner.internal.util.ShutdownSequence;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server Rehearsal started from a copy of a cached data directory. Closing it — explicitly, or on SIGINT/SIGTERM
 * through the {@link ShutdownSequence} — stops PostgreSQL, kills it if it does not stop, and deletes its files.
 * It listens on 127.0.0.1 only, and before anything else it checks that the server answering on its port serves
 * its own data directory: a port taken by someone else's server between choosing it and binding it must never
 * lead Rehearsal into that server.
 */
final class EmbeddedServer implements PostgresServer, HistoryTemplates, DiscardedWithServer {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);
    static final String HOST = "127.0.0.1";
    private static final String USER = "postgres";
    /** As long as {@code pg_ctl stop} waited before: a server that cannot finish its shutdown checkpoint is killed. */
    private static final java.time.Duration STOP_TIMEOUT = java.time.Duration.ofSeconds(5);

    private final Postmaster postgres;
    private final RunDirectory run;
    private final PostgresInfo info;
    private final ScratchDatabases databases;
    private final ShutdownSequence.Registration onExit;
    private final HistoryCache histories;
    private final PostgresBinaries binaries;
    private boolean closed;
    /** The key of a history to store with this server's data directory when it stops; null for none. */
    private String historyToStore;
    /** The kept histories this run used or kept: the only ones stored with the data directory. */
    private final java.util.Set<String> historiesInUse = new java.util.HashSet<>();

    /** @param histories where a history kept with {@link #keepHistory} goes when the server stops; null for nowhere */
    EmbeddedServer(Postmaster postgres, RunDirectory run, HistoryCache histories, PostgresBinaries binaries) {
        this.postgres = postgres;
        this.run = run;
        this.histories = histories;
        this.binaries = binaries;
        this.onExit = ShutdownSequence.register(ShutdownSequence.Stage.RELEASE, "stop PostgreSQL in " + run.path(),
                this::close);
        org.postgresql.ds.PGSimpleDataSource admin = PgDataSources.of(HOST, postgres.port(), "postgres", USER, null);
        admin.setApplicationName(ScratchDatabases.ADMIN_APPLICATION_NAME);
        Connection first = null; // kept for the first clone: a new backend costs 15-60 ms here
        try {
            first = admin.getConnection();
            this.info = readInfo(first, run.dataDirectory());
        } catch (SQLException | RuntimeException e) {
            if (first != null) {
                IdleSessions.closeQuietly(first);
            }
            onExit.close();
            throw e instanceof RuntimeException runtime ? runtime : new RehearsalException(ErrorCode.POSTGRES_START_FAILED,
                    "PostgreSQL started but does not accept connections: " + e.getMessage(), e);
        }
        LOG.info("PostgreSQL {} listens on {}:{}, data directory {}", info.version(), HOST, port(), run.dataDirectory());
        this.databases = new ScratchDatabases(admin, DataDirectoryCache.TEMPLATE_DATABASE,
                CloneStrategy.fastestFor(info.major()),
                name -> new SimpleScratchDatabase(name, PgDataSources.jdbcUrl(HOST, postgres.port(), name, USER),
                        USER, dataSource(name), this::drop), true);
        databases.keepAdminSession(first);
    }

    int port() {
        return postgres.port();
    }

    Path dataDirectory() {
        return run.dataDirectory();
    }

    @Override
    public PostgresInfo info() {
        return info;
    }

    @Override
    public java.util.Optional<String> diskFullEvidence() {
        String log = StartWatchdog.logSince(run.logFile(), 0);
        java.util.Optional<String> line = log.lines().filter(l -> l.contains("No space left on device"))
                .reduce((first, later) -> first).map(EmbeddedServer::withoutLogPrefix);
        if (line.isPresent()) {
            return line;
        }
        long free = DiskSpace.freeBytes(run.dataDirectory());
        return free < DiskSpace.NEARLY_FULL_BYTES
                ? java.util.Optional.of(DiskSpace.describeFree(run.dataDirectory()) + " under " + run.dataDirectory())
                : java.util.Optional.empty();
    }

    /** "2026-12-04 15:02:25.668 UTC [4398] PANIC:  could not write…" without the time and process id. */
    private static String withoutLogPrefix(String line) {
        java.util.regex.Matcher severity = java.util.regex.Pattern.compile("(PANIC|FATAL|ERROR|LOG):").matcher(line);
        return (severity.find() ? line.substring(severity.start()) : line).strip();
    }

    @Override
    public ScratchDatabase createDatabase(String purpose) {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the server is closed");
            }
        }
        return databases.create(purpose);
    }

    @Override
    public ScratchDatabase createDatabase(String purpose, String template) {
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the server is closed");
            }
        }
        return databases.create(purpose, template);
    }

    @Override
    public java.util.Optional<String> cachedHistory(String key) {
        String name = HistoryTemplates.databaseName(key);
        try (IdleSessions.Lease admin = databases.adminSession();
             java.sql.PreparedStatement query = admin.connection().prepareStatement(
                     "SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return java.util.Optional.empty();
                }
            }
        } catch (SQLException e) {
            LOG.debug("Could not look for the cached history {}: {}", name, e.getMessage());
            return java.util.Optional.empty();
        }
        synchronized (this) {
            historiesInUse.add(name);
        }
        return java.util.Optional.of(name);
    }

    /** Its data directory is deleted when it stops; a history it keeps is stored after dropping every scratch database. */
    @Override
    public boolean databasesGoWithServer() {
        return true;
    }

    @Override
    public java.util.Map<String, String> describedHistories() {
        java.util.Map<String, String> described = new java.util.TreeMap<>();
        try (IdleSessions.Lease admin = databases.adminSession();
             java.sql.PreparedStatement query = admin.connection().prepareStatement("SELECT datname, "
                     + "shobj_description(oid, 'pg_database') FROM pg_database WHERE starts_with(datname, ?)")) {
            query.setString(1, HistoryTemplates.databaseName(""));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    String description = rs.getString(2);
                    if (description != null && description.startsWith(HistoryTemplates.DESCRIPTION_PREFIX)) {
                        described.put(rs.getString(1),
                                description.substring(HistoryTemplates.DESCRIPTION_PREFIX.length()));
                    }
                }
            }
        } catch (SQLException e) {
            LOG.debug("Could not read the kept histories: {}", e.getMessage());
        }
        return described;
    }

    @Override
    public synchronized void useHistory(String name) {
        historiesInUse.add(name);
    }

    @Override
    public String keepHistory(String key, ScratchDatabase database, String description) {
        boolean frozen = freeze(database);
        return keep(key, database, description, frozen);
    }

    private synchronized String keep(String key, ScratchDatabase database, String description, boolean frozen) {
        String name = HistoryTemplates.databaseName(key);
        if (closed) {
            throw new IllegalStateException("the server is closed");
        }
        try (IdleSessions.Lease admin = databases.adminSession();
             Statement statement = admin.connection().createStatement()) {
            statement.execute("ALTER DATABASE " + database.name() + " RENAME TO " + name);
            if (frozen) { // nothing may write to it from now on: a later run links its files instead of copying them
                statement.execute("ALTER DATABASE " + name + " WITH ALLOW_CONNECTIONS false");
            }
            if (description != null) {
                statement.execute("COMMENT ON DATABASE " + name + " IS " + org.postgresql.core.Utils
                        .escapeLiteral(new StringBuilder("'"), HistoryTemplates.DESCRIPTION_PREFIX + description, true)
                        .append('\''));
            }
        } catch (SQLException e) {
            LOG.debug("Could not keep {} as the history {}: {}", database.name(), name, e.getMessage());
            return database.name();
        }
        databases.forget(database.name());
        historiesInUse.add(name);
        historyToStore = histories == null ? null : key;
        return name;
    }

    /**
     * Freezes every row of a database about to be kept: cloning it (with {@code WAL_LOG}, which reads its
     * {@code pg_class}) then never sets a hint bit on one of its pages, so no server writes to its files and a later
     * run may link them. {@code false} when it could not, and the database is kept as it is, to be copied.
     */
    private static boolean freeze(ScratchDatabase database) {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM (FREEZE)");
            return true;
        } catch (SQLException e) {
            LOG.debug("Could not freeze {}; it is copied, not linked, by later runs: {}", database.name(),
                    e.getMessage());
            return false;
        }
    }

    private void drop(String name) {
        synchronized (this) {
            if (closed) {
                return;
            }
        }
        databases.drop(name);
    }

    private DataSource dataSource(String database) {
        return PgDataSources.of(HOST, postgres.port(), database, USER, null);
    }

    /** Stops the server; a second caller (the exit sequence, say) waits until the first one is done. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        // On SIGINT/SIGTERM the server stops at once: copying its files would only delay the exit.
        Storing storing = historyToStore == null || ShutdownSequence.started() ? null : prepareToStore();
        databases.closeSessions();
        // a directory that is not stored is deleted: its dirty pages need not be written out first
        if (!PostmasterProcess.stopFast(run.dataDirectory(), STOP_TIMEOUT, storing == null)
                && PostmasterProcess.of(run.dataDirectory()).isPresent()) {
            try {
                postgres.stopWithoutSignal();
            } catch (IOException | RuntimeException e) {
                LOG.warn("Stopping PostgreSQL failed: {}", e.getMessage());
            }
        }
        // Stopped by the signal above, killed or crashed: there is nothing for pg_ctl to stop, and zonky's close
        // would log its failure with a stack trace; its lock file's descriptor is closed by the garbage collector.
        PostmasterProcess.stopIfRunning(run.dataDirectory());
        if (storing != null) {
            store(storing);
        }
        run.close();
        onExit.close();
    }

    /**
     * What a stopped server's directory is stored with: the WAL segment the shutdown checkpoint follows, and the
     * directories of the kept histories closed to connections, which later starts link instead of copying.
     */
    private record Storing(String walSegment, java.util.List<Path> neverWritten) {
    }

    /**
     * Drops this run's scratch databases and the histories it neither used nor kept, so that the stored directory
     * holds this run's histories and nothing else; null when the server does not answer.
     */
    private Storing prepareToStore() {
        databases.dropAll();
        try (IdleSessions.Lease admin = databases.adminSession();
             Statement statement = admin.connection().createStatement()) {
            java.util.List<Path> neverWritten = keepHistoriesInUse(admin.connection());
            statement.execute("CHECKPOINT");
            try (ResultSet rs = statement.executeQuery("SELECT pg_walfile_name(pg_current_wal_lsn())")) {
                rs.next();
                return new Storing(rs.getString(1), neverWritten);
            }
        } catch (SQLException e) {
            LOG.debug("Not keeping the history: the server does not answer ({})", e.getMessage());
            return null;
        }
    }

    /**
     * Drops the histories the copied directory brought along that this run neither used nor kept (rows seeded for
     * another set of pending migrations): each stored directory holds one seeded history at most, or it would grow
     * with every one. Returns the directories of those it keeps that refuse connections (base/OID, in the default
     * tablespace).
     */
    private java.util.List<Path> keepHistoriesInUse(Connection connection) throws SQLException {
        java.util.List<String> unused = new java.util.ArrayList<>();
        java.util.List<Path> neverWritten = new java.util.ArrayList<>();
        try (java.sql.PreparedStatement query = connection.prepareStatement("SELECT d.datname, d.oid, "
                + "NOT d.datallowconn AND t.spcname = 'pg_default' FROM pg_database d "
                + "JOIN pg_tablespace t ON t.oid = d.dattablespace WHERE starts_with(d.datname, ?)")) {
            query.setString(1, HistoryTemplates.databaseName(""));
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    if (!historiesInUse.contains(rs.getString(1))) {
                        unused.add(rs.getString(1));
                    } else if (rs.getBoolean(3)) {
                        neverWritten.add(Path.of("base", Long.toString(rs.getLong(2))));
                    }
                }
            }
        }
        try (Statement statement = connection.createStatement()) {
            for (String name : unused) {
                statement.execute("DROP DATABASE " + name);
            }
        }
        return neverWritten;
    }

    /** Keeps the stopped data directory, history included, for the next run; a failure only costs that run time. */
    private void store(Storing storing) {
        if (PostmasterProcess.of(run.dataDirectory()).isPresent()) {
            return; // not stopped cleanly: the directory is not consistent
        }
        try {
            histories.store(binaries, historyToStore, run.dataDirectory(), storing.walSegment(),
                    storing.neverWritten());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Could not cache the applied history for later runs ({}); the next run applies it again.",
                    e.getMessage());
        }
    }

    /** The version of a server that is not Rehearsal's to check (a container, say). */
    static PostgresInfo readInfo(DataSource admin) {
        return readInfo(admin, null);
    }

    /**
     * The server's version, after checking that it serves {@code dataDirectory} (unless null): zonky chose the port
     * as free, but another server may have taken it before PostgreSQL bound it.
     */
    static PostgresInfo readInfo(DataSource admin, Path dataDirectory) {
        try (Connection connection = admin.getConnection()) {
            return readInfo(connection, dataDirectory);
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.POSTGRES_START_FAILED,
                    "PostgreSQL started but does not answer queries: " + e.getMessage(), e);
        }
    }

    private static PostgresInfo readInfo(Connection connection, Path dataDirectory) {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_setting('server_version'), "
                     + "current_setting('server_version_num')::int, current_setting('data_directory')")) {
            rs.next();
            String served = rs.getString(3);
            if (dataDirectory != null && !sameDirectory(served, dataDirectory)) {
                throw new RehearsalException(ErrorCode.POSTGRES_START_FAILED, "The server answering on Rehearsal's "
                        + "port serves " + served + ", not the data directory Rehearsal started (" + dataDirectory
                        + "): another server took the port. Rehearsal did not touch it; rehearse again.");
            }
            String version = rs.getString(1).split(" ")[0];
            return new PostgresInfo(version, rs.getInt(2) / 10000, "embedded");
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.POSTGRES_START_FAILED,
                    "PostgreSQL started but does not answer queries: " + e.getMessage(), e);
        }
    }

    private static boolean sameDirectory(String served, Path ours) {
        Path theirs = Path.of(served).toAbsolutePath().normalize();
        if (theirs.equals(ours.toAbsolutePath().normalize())) {
            return true;
        }
        try {
            return theirs.toRealPath().equals(ours.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
