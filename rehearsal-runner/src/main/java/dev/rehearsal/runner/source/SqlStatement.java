package dev.rehearsal.runner.source;

/**
 * One statement of a migration script, as it will be sent to PostgreSQL.
 *
 * @param line                the line of the script on which the statement starts (1-based)
 * @param sql                 the statement text after placeholder replacement, without the trailing delimiter;
 *                            comments directly above it are kept (suppression comments live there)
 * @param canRunInTransaction false for statements PostgreSQL refuses inside a transaction block
 *                            ({@code CREATE INDEX CONCURRENTLY}, {@code VACUUM}, …), detected as Flyway detects them
 * @param copyData            for {@code COPY … FROM STDIN}: the data rows that follow the statement in the script,
 *                            without the terminating {@code \.} line, to be sent with pgjdbc's {@code CopyManager};
 *                            {@code null} for every other statement
 */
public record SqlStatement(int line, String sql, boolean canRunInTransaction, String copyData) {

    public SqlStatement(int line, String sql, boolean canRunInTransaction) {
        this(line, sql, canRunInTransaction, null);
    }

    /** The statement without the comment lines above it, for display. */
    public String displaySql() {
        return SqlText.stripLeadingComments(sql);
    }

    /** Whether this is {@code COPY … FROM STDIN}: run it with {@code CopyManager.copyIn(sql, copyData)}, not as a query. */
    public boolean copiesFromStdin() {
        return copyData != null;
    }
}
