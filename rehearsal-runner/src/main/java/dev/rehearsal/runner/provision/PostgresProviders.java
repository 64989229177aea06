package dev.rehearsal.runner.provision;

import dev.rehearsal.runner.BuildInfo;
import dev.rehearsal.runner.internal.provision.EmbeddedPostgresProvider;
import dev.rehearsal.runner.internal.provision.ExternalPostgresProvider;
import dev.rehearsal.runner.internal.provision.RehearsalHome;

/** The ways to get a server. */
public final class PostgresProviders {

    private PostgresProviders() {
    }

    /** Embedded PostgreSQL of the newest supported major. */
    public static PostgresProvider embedded() {
        return embedded(BuildInfo.defaultPostgresMajor());
    }

    /**
     * Embedded PostgreSQL of the given major (13–18). The binaries of majors other than the newest are taken from
     * the local Maven repository or downloaded once from Maven Central.
     */
    public static PostgresProvider embedded(int major) {
        BuildInfo.postgresBinariesVersion(major); // fails early, naming the supported range
        return new EmbeddedPostgresProvider(major, RehearsalHome.forCurrentUser());
    }

    /**
     * A server reached by a JDBC URL. Rehearsal creates, marks and drops scratch databases there and touches
     * nothing else. Hosts other than this machine are refused unless {@code allowRemote} is true.
     */
    public static PostgresProvider external(String jdbcUrl, boolean allowRemote) {
        return new ExternalPostgresProvider(jdbcUrl, allowRemote);
    }
}
