package dev.rehearsal.report;

/**
 * The PostgreSQL server a rehearsal ran on.
 *
 * @param version  the server's version string, e.g. {@code 18.1}
 * @param major    the major version, e.g. 18
 * @param provider how the server was provided: {@code embedded}, {@code testcontainers} or {@code external}
 */
public record PostgresInfo(String version, int major, String provider) {
}
