package dev.rehearsal.runner.config;

import dev.rehearsal.runner.core.BuildInfo;
import dev.rehearsal.runner.internal.provision.Providers;
import dev.rehearsal.runner.provision.PostgresProvider;

/**
 * Where the PostgreSQL server of a rehearsal comes from, as a value every front door can fill in.
 *
 * @param kind        embedded, testcontainers or external; default {@link Kind#EMBEDDED}, or {@link Kind#EXTERNAL}
 *                    when a JDBC URL is given ({@code null} chooses so)
 * @param postgres    the PostgreSQL major, {@value BuildInfo#OLDEST_MAJOR} to {@value BuildInfo#NEWEST_MAJOR}, of the
 *                    embedded server or the default Docker image; {@code null} (the default) for the newest
 * @param image       the Docker image of {@link Kind#TESTCONTAINERS}; {@code null} (the default) for
 *                    {@code postgres:<major>}
 * @param jdbcUrl     the server of {@link Kind#EXTERNAL}; {@code null} by default
 * @param allowRemote whether a JDBC URL may name a host other than this machine; default false
 */
public record Server(Kind kind, Integer postgres, String image, String jdbcUrl, boolean allowRemote) {

    /** Where the server comes from. */
    public enum Kind {
        /** Embedded PostgreSQL (zonky): no Docker, no install. */
        EMBEDDED,
        /** A Docker container of {@link Server#image()}, started by Testcontainers. */
        TESTCONTAINERS,
        /** A running server at {@link Server#jdbcUrl()}; Rehearsal creates and drops its own databases there. */
        EXTERNAL
    }

    public Server {
        image = blankToNull(image);
        jdbcUrl = blankToNull(jdbcUrl);
        kind = kind != null ? kind : jdbcUrl != null ? Kind.EXTERNAL : Kind.EMBEDDED;
        if (postgres != null && (postgres < BuildInfo.OLDEST_MAJOR || postgres > BuildInfo.NEWEST_MAJOR)) {
            throw Invalid.option("postgres " + postgres + " is not supported: choose a PostgreSQL major from "
                    + BuildInfo.OLDEST_MAJOR + " to " + BuildInfo.NEWEST_MAJOR + ", or leave it out for the newest");
        }
        if (kind == Kind.EXTERNAL && jdbcUrl == null) {
            throw Invalid.option("the external provider needs a JDBC URL, e.g. "
                    + "jdbc:postgresql://localhost:5432/postgres?user=me");
        }
        if (kind != Kind.EXTERNAL && jdbcUrl != null) {
            throw Invalid.option("a JDBC URL is set but the provider is " + name(kind) + "; remove the URL, or choose "
                    + "the external provider (the default when a URL is set)");
        }
        if (kind == Kind.EXTERNAL && postgres != null) {
            throw Invalid.option("postgres chooses the version of an embedded server or Docker image; the external "
                    + "server at the JDBC URL has its own version: leave postgres out");
        }
        if (image != null && kind != Kind.TESTCONTAINERS) {
            throw Invalid.option("the image " + image + " needs the testcontainers provider");
        }
        if (image != null && postgres != null) {
            throw Invalid.option("postgres and image both choose the version; give one, e.g. image postgres:17");
        }
    }

    public static Server defaults() {
        return new Server(null, null, null, null, false);
    }

    /** The major rehearsed on when known before the server starts: the chosen one, else the newest. */
    public int postgresOrDefault() {
        return postgres == null ? BuildInfo.defaultPostgresMajor() : postgres;
    }

    /** The image Testcontainers starts: the chosen one, else {@code postgres:<major>}. */
    public String imageOrDefault() {
        return image != null ? image : "postgres:" + postgresOrDefault();
    }

    /** A provider for this server; for Testcontainers it needs Testcontainers on the class path. */
    public PostgresProvider provider() {
        return switch (kind) {
            case EMBEDDED -> Providers.embedded(postgresOrDefault());
            case TESTCONTAINERS -> Providers.testcontainers(imageOrDefault());
            case EXTERNAL -> Providers.external(jdbcUrl, allowRemote);
        };
    }

    /** The name front doors and reports use: {@code embedded}, {@code testcontainers}, {@code external}. */
    public static String name(Kind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
