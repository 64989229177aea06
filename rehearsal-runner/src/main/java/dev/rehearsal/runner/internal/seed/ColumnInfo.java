package dev.rehearsal.runner.internal.seed;

/**
 * One column of a table to seed.
 *
 * @param attnum        the column number ({@code pg_attribute.attnum})
 * @param name          the column name, unquoted
 * @param type          its type, domains flattened
 * @param notNull       declared NOT NULL, or NOT NULL through its domain
 * @param identity      an identity column ({@code GENERATED … AS IDENTITY})
 * @param generated     a stored generated column; {@code generationExpr} holds its expression
 * @param generationExpr the generation expression as {@code pg_get_expr} prints it, {@code null} otherwise
 * @param defaultExpr   the column default, {@code null} when none
 */
public record ColumnInfo(int attnum, String name, PgType type, boolean notNull, boolean identity, boolean generated,
                         String generationExpr, String defaultExpr) {

    /** Filled by PostgreSQL itself: identity, serial ({@code nextval} default) or generated columns. */
    public boolean filledByServer() {
        return identity || generated || numberedBySequence();
    }

    /** A serial column: its default takes the next value of a sequence (an identity column is not one). */
    public boolean numberedBySequence() {
        return !identity && !generated && defaultExpr != null && defaultExpr.startsWith("nextval(");
    }
}
