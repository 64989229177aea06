package dev.rehearsal.runner.internal.provision;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.internal.util.IdleSessions;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.sql.DataSource;

/**
 * Creates scratch databases on a server, marks them as Rehearsal's own with a comment carrying this instance's
 * id, and drops only databases that it created and that still carry that mark.
 */
final class ScratchDatabases {

    static final String MARKER_PREFIX = "rehearsal:scratch:";
    /** What the kept admin sessions call themselves in {@code pg_stat_activity}, apart from a rehearsal's own. */
    static final String ADMIN_APPLICATION_NAME = "rehearsal-admin";
    private static final int ADMIN_VALIDATION_SECONDS = 5;
    /** How long a drop waits for sessions that are ending already (see {@link #awaitSessionsGone}). */
    private static final long SESSIONS_GONE_MILLIS = 50;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ScratchDatabases.class);
    private static final Pattern PURPOSE = Pattern.compile("[a-z0-9_]{1,30}");
    private static final Pattern OWN_NAME = Pattern.compile("rehearsal_[a-z0-9_]{1,50}");

    /**
     * Sessions on the maintenance database for creating, marking and dropping scratch databases; a run creates and
     * drops them one or two at a time, so a server that goes away after use keeps two open between uses.
     */
    private final IdleSessions sessions;
    private final String template;
    private final CloneStrategy strategy;
    private final Function<String, ScratchDatabase> open;
    private final String instanceId = UUID.randomUUID().toString();
    private final Set<String> created = ConcurrentHashMap.newKeySet();
    private final boolean disposable;

    /**
     * @param admin            a connection source to a maintenance database of the server
     * @param template         the template to clone, {@code null} for the server's default
     * @param strategy         how PostgreSQL copies the template (the {@code STRATEGY} clause of PostgreSQL 15+)
     * @param open             makes the handle for a created database
     */
    ScratchDatabases(DataSource admin, String template, CloneStrategy strategy, Function<String, ScratchDatabase> open) {
        this(admin, template, strategy, open, false);
    }

    /**
     * @param disposable whether the whole server goes away after use (embedded, container): a database that could
     *                   not be dropped goes with it, so the failure is not worth a warning
     */
    ScratchDatabases(DataSource admin, String template, CloneStrategy strategy, Function<String, ScratchDatabase> open,
            boolean disposable) {
        // a server that goes away after use keeps two sessions for the run; a user's server is left as found
        this.sessions = new IdleSessions(admin, disposable ? 2 : 0, ADMIN_VALIDATION_SECONDS, IdleSessions.Reset.NONE);
        this.template = template;
        this.strategy = strategy;
        this.open = open;
        this.disposable = disposable;
    }

    /** Keeps {@code connection}, a session on the maintenance database, for the next clone. */
    void keepAdminSession(Connection connection) {
        sessions.give(connection);
    }

    ScratchDatabase create(String purpose) {
        return create(purpose, template);
    }

    /**
     * A scratch database cloned from {@code source}, a database Rehearsal made on this server (e.g. a history applied
     * once), instead of the server's template.
     */
    ScratchDatabase create(String purpose, String source) {
        if (source != template && (source == null || !OWN_NAME.matcher(source).matches())) {
            throw new IllegalArgumentException("not a database Rehearsal made: " + source);
        }
        return create(purpose, source, null);
    }

    /**
     * A scratch database cloned from {@code template}, a database the user keeps on this server (a copy of
     * production), which Rehearsal names in {@code CREATE DATABASE … TEMPLATE} only. {@link UserTemplate} checks first
     * that it exists and that no other session uses it.
     */
    ScratchDatabase cloneUserTemplate(String purpose, String template) {
        try (IdleSessions.Lease lease = sessions.lease()) {
            UserTemplate.check(lease.connection(), template);
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.DATABASE_UNREACHABLE, "Could not read the template database "
                    + template + " from pg_database: " + e.getMessage(), e);
        }
        return create(purpose, UserTemplate.quote(template), template);
    }

    /** @param userTemplate the user's template as named, when {@code source} is one; its failures are explained */
    private ScratchDatabase create(String purpose, String source, String userTemplate) {
        String cleaned = purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (!PURPOSE.matcher(cleaned).matches()) {
            cleaned = "db";
        }
        String name = "rehearsal_" + cleaned + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        StringBuilder sql = new StringBuilder("CREATE DATABASE ").append(name);
        try (IdleSessions.Lease lease = sessions.lease(); Statement statement = lease.connection().createStatement()) {
            if (source != null) {
                sql.append(" TEMPLATE ").append(source);
                sql.append(strategy.clause(lease.connection()));
            }
            try {
                statement.execute(sql.toString());
            } catch (SQLException e) {
                if (userTemplate != null) {
                    throw UserTemplate.explain(e, userTemplate);
                }
                throw e;
            }
            try {
                statement.execute("COMMENT ON DATABASE " + name + " IS '" + MARKER_PREFIX + instanceId + "'");
            } catch (SQLException e) {
                statement.execute("DROP DATABASE " + name); // created a moment ago, not marked yet: ours for sure
                throw e;
            }
            created.add(name);
        } catch (SQLException e) {
            // the privilege is the advice for a refusal only: a full disk (53100) said "needs CREATEDB" too
            boolean denied = "42501".equals(e.getSQLState());
            boolean diskFull = "53100".equals(e.getSQLState());
            throw new RehearsalException(denied ? ErrorCode.INSUFFICIENT_PRIVILEGES
                    : diskFull ? ErrorCode.DISK_FULL : ErrorCode.DATABASE_UNREACHABLE,
                    "Could not create the scratch database " + name + ": " + e.getMessage()
                            + (denied ? ". The user needs the CREATEDB privilege (ALTER ROLE … CREATEDB)." : ""), e);
        }
        LOG.debug("Created scratch database {}", name);
        return open.apply(name);
    }

    /** Drops a database this instance created, if it still carries this instance's mark. */
    void drop(String name) {
        if (!created.remove(name)) {
            return;
        }
        try (IdleSessions.Lease lease = sessions.lease()) {
            Connection connection = lease.connection();
            if (!carriesOurMark(connection, name)) {
                LOG.warn("Not dropping database {}: its comment is no longer Rehearsal's mark {}, so it may not be "
                        + "Rehearsal's any more. Drop it yourself if it is: DROP DATABASE {};", name,
                        MARKER_PREFIX + instanceId, name);
                return;
            }
            awaitSessionsGone(connection, name);
            try (Statement statement = connection.createStatement()) {
                statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        } catch (SQLException e) {
            String state = String.valueOf(e.getSQLState());
            if (disposable || state.startsWith("08") || state.startsWith("57P")) {
                // The server goes away after use anyway (embedded, container), or it is gone (stopped, killed) or
                // restarting after a crash (57P03): the database goes with it, and whatever made the drop fail (a
                // full disk that leaves no room for the drop's checkpoint, say) is reported by whoever saw it.
                LOG.debug("Could not drop scratch database {}: {}", name, e.getMessage());
            } else {
                LOG.warn("Could not drop scratch database {}: {}", name, e.getMessage());
            }
        }
    }

    /** Leaves a database this instance created to whoever keeps it (a cached history): it is not dropped. */
    void forget(String name) {
        created.remove(name);
    }

    /** One of the kept admin sessions (a new backend costs 15-60 ms), for the server's own catalog queries. */
    IdleSessions.Lease adminSession() throws SQLException {
        return sessions.lease();
    }

    /** Ends the idle admin sessions: the server is about to stop, or its user is done with it. */
    void closeSessions() {
        sessions.close();
    }

    /** Drops every database this instance created and has not dropped yet. */
    void dropAll() {
        Set.copyOf(created).forEach(this::drop);
    }

    /**
     * Waits a moment for the database's sessions to end. A session whose client has just closed it (the run's own,
     * a moment before the drop) is still there for a millisecond or two, and {@code DROP DATABASE … WITH (FORCE)}
     * then ends it and sleeps 100 ms before looking again (PostgreSQL's {@code CountOtherDBBackends}): a drop took
     * ~105 ms instead of ~5 ms. Sessions still there after {@link #SESSIONS_GONE_MILLIS} are someone's left open,
     * and the drop ends them.
     */
    private static void awaitSessionsGone(Connection connection, String name) throws SQLException {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(SESSIONS_GONE_MILLIS);
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = ?")) {
            query.setString(1, name);
            while (true) {
                try (ResultSet rs = query.executeQuery()) {
                    if (!rs.next() || rs.getLong(1) == 0 || System.nanoTime() > deadline) {
                        return;
                    }
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return; // drop now: the drop ends them
                }
            }
        }
    }

    private boolean carriesOurMark(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT shobj_description(oid, 'pg_database') FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() && (MARKER_PREFIX + instanceId).equals(rs.getString(1));
            }
        }
    }
}
