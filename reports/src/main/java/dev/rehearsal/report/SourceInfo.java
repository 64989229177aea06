package dev.rehearsal.report;

/**
 * Where the migrations came from.
 *
 * @param location the directory or class-path location as given by the user
 * @param layout   {@code flyway} or {@code golang-migrate}
 */
public record SourceInfo(String location, String layout) {
}
