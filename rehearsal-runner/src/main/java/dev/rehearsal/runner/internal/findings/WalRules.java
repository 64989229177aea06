package dev.rehearsal.runner.internal.findings;

import dev.rehearsal.report.FindingType;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.ProductionEstimate;
import dev.rehearsal.report.ProductionFigures;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.report.WalMeasure;
import dev.rehearsal.runner.config.ByteSizes;
import java.util.Locale;

/**
 * A statement of the up step that wrote more WAL than the policy's threshold: every replica and the WAL archive
 * must ship and replay it, which no lock measurement shows. With production statistics the threshold is checked
 * against the WAL extrapolated to production size, and the evidence gives both figures; without them, as measured.
 */
public final class WalRules implements FindingRule {

    WalRules() {
    }

    @Override
    public void evaluate(MigrationFacts facts, FindingCollector findings) {
        long threshold = facts.policy().walVolumeThreshold();
        for (StatementTrace s : facts.statements()) {
            if (s.phase() != Phase.UP || s.walBytes() == null) {
                continue;
            }
            ProductionEstimate estimate = s.atProduction() != null && s.atProduction().walBytes() != null
                    ? s.atProduction() : null;
            long checked = estimate != null ? estimate.walBytes() : s.walBytes();
            if (checked <= threshold) {
                continue;
            }
            String relation = s.rewrites().isEmpty() ? s.strongestLock().map(l -> l.relation()).orElse(null)
                    : s.rewrites().get(0).relation();
            String measured = "The server's WAL position moved " + s.walBytes() + " bytes while the statement ran ("
                    + Evidence.ms(s.durationMs()) + ")" + others(s.walMeasure());
            findings.add(FindingType.WAL_VOLUME, s.script(), s.line(), relation,
                    estimate == null ? "Wrote " + mib(s.walBytes()) + " of WAL (threshold " + ByteSizes.format(threshold)
                            + ")"
                            : "Writes ≈ " + ProductionFigures.bytes(estimate.walBytes()) + " of WAL at production size "
                            + "(threshold " + ByteSizes.format(threshold) + ")",
                    estimate == null ? measured + "; measured on the rehearsal's rows, a production table of another "
                            + "size writes proportionally more or less"
                            : measured + "; " + ProductionFigures.sizes(s.walBytes(), estimate.measuredRows(),
                            estimate.walBytes(), estimate.rows()) + " (fitted through "
                            + ProductionFigures.rows(estimate.smallRows()) + " and "
                            + ProductionFigures.rows(estimate.measuredRows()) + ", fit error "
                            + Math.round(estimate.fitError() * 100) + " %)",
                    "Split the work so that each transaction writes less (a batched backfill, keyed batches with a "
                            + "pause between them), and watch replica lag while it runs; a rewrite (ALTER TYPE, "
                            + "VACUUM FULL) has a non-rewriting form in the other findings. Raise walVolumeThreshold "
                            + "when your replicas keep up with more.");
        }
    }

    private static String others(WalMeasure measure) {
        return switch (measure) {
            case SERVER_WITH_LOAD -> ", the concurrent write load's WAL included";
            case SERVER_WITH_PARITY -> ", the WAL of Flyway's parity run beside it included";
            default -> "";
        };
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
