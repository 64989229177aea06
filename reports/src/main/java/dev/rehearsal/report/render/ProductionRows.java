package dev.rehearsal.report.render;

import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.ProductionEstimate;
import dev.rehearsal.report.ProductionFigures;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.StatementTrace;
import java.util.Comparator;
import java.util.List;

/**
 * The statements with figures at production size, longest there first, and the words every format shows them with:
 * one row each, measured → production.
 */
final class ProductionRows {

    /** One statement of one migration with its figures at production size. */
    record Row(MigrationReport migration, StatementTrace statement, ProductionEstimate estimate) {

        String rows() {
            return ProductionFigures.rows(estimate.measuredRows()) + " → " + ProductionFigures.rows(estimate.rows());
        }

        String duration() {
            return arrow(statement.durationMs(), estimate.durationMs());
        }

        String lockHold() {
            return arrow(statement.strongestLock().map(l -> l.heldMs()).orElse(0.0), estimate.lockHoldMs());
        }

        String writersWait() {
            return arrow(statement.writers().blockedMaxMs(), estimate.writersWaitMs());
        }

        String wal() {
            return statement.walBytes() == null || estimate.walBytes() == null ? "—"
                    : ProductionFigures.bytes(statement.walBytes()) + " → ≈ " + ProductionFigures.bytes(estimate.walBytes());
        }

        String fitError() {
            return Math.round(estimate.fitError() * 100) + " %";
        }

        private static String arrow(double measured, double production) {
            return ProductionFigures.duration(measured) + " → ≈ " + ProductionFigures.duration(production);
        }
    }

    private ProductionRows() {
    }

    static List<Row> of(Report report) {
        return report.migrations().stream().flatMap(m -> of(m).stream())
                .sorted(Comparator.comparingDouble((Row r) -> r.estimate().durationMs()).reversed()).toList();
    }

    static List<Row> of(MigrationReport migration) {
        return migration.statements().stream().filter(s -> s.atProduction() != null)
                .map(s -> new Row(migration, s, s.atProduction())).toList();
    }

    static final String EXPLAINED = "Each figure is fitted per statement as a + b·rows through the rehearsals at two "
            + "seeded sizes and read at the table's rows in the production statistics. The fit error is the relative "
            + "difference between the two sizes' durations per row: the larger, the more a fixed cost weighs at the "
            + "rehearsed sizes and the less certain the extrapolation.";
}
