package dev.rehearsal.runner.internal.provision;

import dev.rehearsal.report.PostgresInfo;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.internal.util.ShutdownSequence;
import dev.rehearsal.runner.provision.PostgresProvider;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import org.postgresql.Driver;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A server someone else runs, reached by a JDBC URL. Rehearsal connects to the database named in the URL only to
 * create and drop scratch databases of its own; it never changes that database or any other it did not create.
 * Hosts that are not local are refused unless explicitly allowed, because a rehearsal loads the server heavily.
 */
public final class ExternalPostgresProvider implements PostgresProvider {

    private final String url;
    private final boolean allowRemote;
    private final Map<String, String> environment;

    public ExternalPostgresProvider(String url, boolean allowRemote) {
        this(url, allowRemote, System.getenv());
    }

    /** @param environment where {@code PGPASSWORD} is looked up when the URL has no password, as libpq does */
    ExternalPostgresProvider(String url, boolean allowRemote, Map<String, String> environment) {
        this.url = url;
        this.allowRemote = allowRemote;
        this.environment = environment;
    }

    /** The password Rehearsal connects with, if any: never to be shown. */
    public String password() {
        Properties parsed = url == null ? null : Driver.parseURL(url, new Properties());
        String fromUrl = parsed == null ? null : parsed.getProperty("password");
        return fromUrl != null ? fromUrl : environment.get("PGPASSWORD");
    }

    @Override
    public String name() {
        return "external";
    }

    @Override
    public PostgresServer start() {
        Properties parsed = Driver.parseURL(url, new Properties());
        if (parsed == null) {
            throw new RehearsalException(ErrorCode.INVALID_OPTION, "'" + Secrets.redactUrl(url)
                    + "' is not a PostgreSQL JDBC URL; write it like jdbc:postgresql://localhost:5432/postgres?user=me");
        }
        String[] hosts = parsed.getProperty("PGHOST", "localhost").split(",");
        String[] ports = parsed.getProperty("PGPORT", "5432").split(",");
        if (!allowRemote) {
            for (String host : hosts) {
                if (!isLocal(host)) {
                    throw new RehearsalException(ErrorCode.REMOTE_HOST_REFUSED, "Refusing to rehearse on " + host
                            + ", which is not this machine: a rehearsal creates databases and loads the server heavily. "
                            + "If " + host + " is a disposable server meant for this, add --allow-remote.");
                }
            }
        }
        int port = port(ports[0]);
        String password = password();
        PGSimpleDataSource admin = PgDataSources.of(hosts[0], port, parsed.getProperty("PGDBNAME", "postgres"),
                parsed.getProperty("user", System.getProperty("user.name")), password);
        PostgresInfo info = checkReachableAndPrivileged(admin);
        ScratchDatabases[] holder = new ScratchDatabases[1];
        holder[0] = new ScratchDatabases(admin, null, CloneStrategy.SERVER_DEFAULT,
                name -> new SimpleScratchDatabase(name, PgDataSources.jdbcUrl(hosts[0], port, name, admin.getUser()),
                        admin.getUser(), PgDataSources.of(hosts[0], port, name, admin.getUser(), password),
                        n -> holder[0].drop(n)));
        return new ExternalServer(info, holder[0]);
    }

    private int port(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            throw new RehearsalException(ErrorCode.INVALID_OPTION, "'" + text + "' in " + Secrets.redactUrl(url)
                    + " is not a port number; write the URL like jdbc:postgresql://localhost:5432/postgres?user=me");
        }
    }

    private PostgresInfo checkReachableAndPrivileged(PGSimpleDataSource admin) {
        try (Connection connection = admin.getConnection(); Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_setting('server_version'), "
                     + "current_setting('server_version_num')::int, rolcreatedb OR rolsuper "
                     + "FROM pg_roles WHERE rolname = current_user")) {
            rs.next();
            if (!rs.getBoolean(3)) {
                throw new RehearsalException(ErrorCode.INSUFFICIENT_PRIVILEGES, "The user " + admin.getUser()
                        + " may not create databases, and Rehearsal only works in databases it creates. Grant "
                        + "it as a superuser with: ALTER ROLE " + admin.getUser() + " CREATEDB; or give --jdbc-url "
                        + "a user that has it. Rehearsal never runs migrations in an existing database.");
            }
            return new PostgresInfo(rs.getString(1).split(" ")[0], rs.getInt(2) / 10000, "external");
        } catch (SQLException e) {
            throw new RehearsalException(ErrorCode.DATABASE_UNREACHABLE, "Could not connect to "
                    + Secrets.redactUrl(url) + ": " + withoutFinalPeriod(e.getMessage())
                    + ". Check host, port, user and password "
                    + "(the password can also come from the PGPASSWORD environment variable or ~/.pgpass).", e);
        }
    }

    private static String withoutFinalPeriod(String message) {
        String text = String.valueOf(message).strip();
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }

    static boolean isLocal(String host) {
        String h = host.trim();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.isEmpty() || h.equalsIgnoreCase("localhost") || h.startsWith("/")) {
            return true;
        }
        try {
            InetAddress address = InetAddress.getByName(h);
            return address.isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /**
     * Drops the scratch databases it created when closed, or when the JVM exits first (SIGINT); the server itself
     * is not ours to stop.
     */
    private static final class ExternalServer implements PostgresServer, TemplateClones {
        private final PostgresInfo info;
        private final ScratchDatabases databases;
        private final AtomicBoolean closed = new AtomicBoolean();
        private final ShutdownSequence.Registration onExit;

        ExternalServer(PostgresInfo info, ScratchDatabases databases) {
            this.info = info;
            this.databases = databases;
            this.onExit = ShutdownSequence.register(ShutdownSequence.Stage.RELEASE, "drop scratch databases",
                    databases::dropAll);
        }

        @Override
        public PostgresInfo info() {
            return info;
        }

        @Override
        public ScratchDatabase createDatabase(String purpose) {
            return databases.create(purpose);
        }

        @Override
        public ScratchDatabase createDatabase(String purpose, String template) {
            return databases.create(purpose, template);
        }

        @Override
        public ScratchDatabase cloneTemplate(String purpose, String template) {
            return databases.cloneUserTemplate(purpose, template);
        }

        @Override
        public void close() {
            if (!closed.getAndSet(true)) {
                databases.dropAll();
                onExit.close();
            }
        }
    }
}
