package dev.rehearsal.runner.internal.source;

import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.source.SqlStatement;
import java.util.List;

/** The statements a Java migration sends, judged as Flyway's parser judges the same text in a script. */
public final class JavaStatements {

    private JavaStatements() {
    }

    /**
     * @param line the line of the migration class that sent it
     * @param sql  the text sent (a string may hold several statements, as a script does)
     */
    public static SqlStatement of(int line, String sql) {
        boolean canRunInTransaction = true;
        try {
            List<SqlStatement> split = new FlywaySqlParser().split(sql, null, "the statement");
            canRunInTransaction = split.stream().allMatch(SqlStatement::canRunInTransaction);
        } catch (RehearsalException e) {
            // text Flyway's parser does not follow is still sent as is; PostgreSQL judges it
        }
        return new SqlStatement(line, sql, canRunInTransaction);
    }
}
