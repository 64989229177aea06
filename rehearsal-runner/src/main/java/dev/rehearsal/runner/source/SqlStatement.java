package dev.rehearsal.runner.source;

/**
 * One statement of a migration script, as it will be sent to PostgreSQL.
 *
 * @param line                the line of the script on which the statement starts (1-based)
 * @param sql                 the statement text after placeholder replacement, without the trailing delimiter;
 *                            comments directly above it are kept (suppression comments live there)
 * @param canRunInTransaction false for statements PostgreSQL refuses inside a transaction block
 *                            ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, …), detected as Flyway detects them
 */
public record SqlStatement(int line, String sql, boolean canRunInTransaction) {

    /** The statement without the comment lines above it, for display. */
    public String displaySql() {
        return SqlText.stripLeadingComments(sql);
    }
}
