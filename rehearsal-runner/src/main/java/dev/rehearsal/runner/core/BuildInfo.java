package dev.rehearsal.runner.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions fixed at build time: Rehearsal's own and the PostgreSQL binaries of each supported major. */
public final class BuildInfo {

    /** The oldest and newest PostgreSQL majors Rehearsal supports. */
    public static final int OLDEST_MAJOR = 13;
    public static final int NEWEST_MAJOR = 18;

    private static final Properties PROPERTIES = load();

    private BuildInfo() {
    }

    public static String rehearsalVersion() {
        return PROPERTIES.getProperty("rehearsal.version", "unknown");
    }

    /** The Testcontainers version Rehearsal is built and tested with (an optional dependency). */
    public static String testcontainersVersion() {
        return PROPERTIES.getProperty("testcontainers.version", "unknown");
    }

    /** The major used when none is chosen: the newest one, whose binaries are on the class path. */
    public static int defaultPostgresMajor() {
        return Integer.parseInt(PROPERTIES.getProperty("postgres.default.major"));
    }

    /** The zonky binaries version (e.g. {@code 18.6.0}) for a major. */
    public static String postgresBinariesVersion(int major) {
        String version = PROPERTIES.getProperty("postgres." + major);
        if (version == null) {
            throw new RehearsalException(ErrorCode.UNSUPPORTED_POSTGRES_VERSION,
                    "PostgreSQL " + major + " is not supported; choose a major from " + OLDEST_MAJOR + " to "
                            + NEWEST_MAJOR + " (e.g. --postgres " + NEWEST_MAJOR + ").");
        }
        return version;
    }

    private static Properties load() {
        Properties properties = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("rehearsal-build.properties")) {
            if (in == null) {
                throw new IllegalStateException("rehearsal-build.properties is missing from the class path");
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
