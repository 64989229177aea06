package dev.rehearsal.runner.source;

import java.util.List;

/**
 * One migration script, read and split.
 *
 * @param path                 where the script is, for people and for SARIF: relative to the working directory
 *                             when it lies below it, else as found
 * @param content              the script text as read (UTF-8, byte order mark removed), before placeholder replacement
 * @param statements           its statements in order
 * @param executeInTransaction the explicit setting ({@code executeInTransaction} in a Flyway {@code .sql.conf},
 *                             or a {@code BEGIN … COMMIT} wrapper in golang-migrate); {@code null} when not set
 * @param checksum             Flyway's checksum of the script (CRC32 over its lines, as {@code flyway_schema_history} stores it)
 * @param java                 for a Flyway Java migration, its code (then {@code statements} is empty: they are known
 *                             only when it runs); {@code null} for a script
 * @param commitsAfter         for a transactional script, the positions in {@code statements} after which its
 *                             transaction commits and the next statement opens another, in order (a golang-migrate
 *                             file sent as one query with {@code COMMIT}s inside); empty: one transaction
 */
public record MigrationScript(
        String path,
        String content,
        List<SqlStatement> statements,
        Boolean executeInTransaction,
        int checksum,
        JavaCode java,
        List<Integer> commitsAfter) {

    public MigrationScript {
        statements = List.copyOf(statements);
        commitsAfter = List.copyOf(commitsAfter);
    }

    /** A script, or a Java migration, in at most one transaction. */
    public MigrationScript(String path, String content, List<SqlStatement> statements, Boolean executeInTransaction,
            int checksum, JavaCode java) {
        this(path, content, statements, executeInTransaction, checksum, java, List.of());
    }

    /** A SQL script. */
    public MigrationScript(String path, String content, List<SqlStatement> statements, Boolean executeInTransaction,
            int checksum) {
        this(path, content, statements, executeInTransaction, checksum, null);
    }

    /** Whether this is a Flyway Java migration rather than a script. */
    public boolean isJava() {
        return java != null;
    }

    /**
     * Whether the script runs in one transaction: the explicit setting when there is one, otherwise
     * true unless a statement cannot run in a transaction (Flyway's rule).
     */
    public boolean transactional() {
        if (executeInTransaction != null) {
            return executeInTransaction;
        }
        return statements.stream().allMatch(SqlStatement::canRunInTransaction);
    }

    /** Whether the script mixes statements that can and cannot run in a transaction (Flyway refuses that by default). */
    public boolean mixesTransactionalAndNot() {
        boolean any = statements.stream().anyMatch(SqlStatement::canRunInTransaction);
        boolean anyNot = statements.stream().anyMatch(s -> !s.canRunInTransaction());
        return any && anyNot;
    }

    /** The file name without directories. */
    public String fileName() {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
