package dev.rehearsal.junit.internal.error;

import dev.rehearsal.junit.internal.Figures;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Rewrite;
import dev.rehearsal.report.StatementTrace;
import org.assertj.core.error.ErrorMessageFactory;

/** "Expecting migration V6 to rewrite no table but statement at V6__x.sql:1 `…` rewrote public.orders (…)". */
public final class MigrationShouldRewriteNoTable extends RehearsalMessage {

    private MigrationShouldRewriteNoTable(String message) {
        super(message);
    }

    public static ErrorMessageFactory migrationShouldRewriteNoTable(MigrationReport migration, StatementTrace statement,
            Rewrite rewrite) {
        return new MigrationShouldRewriteNoTable("Expecting migration " + migration.shortName()
                + " to rewrite no table but " + Figures.statement(statement) + " rewrote " + rewrite.relation()
                + " (" + rewrite.reason() + ")");
    }
}
