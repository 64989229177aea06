package dev.rehearsal.report.render;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.LockModes;
import dev.rehearsal.report.MigrationKind;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.StepStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The per-migration table of {@code report.md}. When there are more migrations than rows, the ones that failed or
 * have findings that count are kept first, shown in their order of application.
 */
final class MarkdownMigrationTable {

    static final int MAX_ROWS = 200;

    private MarkdownMigrationTable() {
    }

    static void render(Report report, StringBuilder md) {
        List<MigrationReport> migrations = report.migrations();
        if (migrations.isEmpty()) {
            return;
        }
        md.append("### Migrations\n\n")
                .append("| Version | Description | Up | Down | Up again | Strongest lock | Longest lock hold "
                        + "| Rewrites | Writers blocked (max) | WAL (largest statement) | Findings |\n")
                .append("|---|---|---|---|---|---|---|---:|---:|---:|---:|\n");
        for (int index : rowsToShow(migrations)) {
            row(migrations.get(index), md);
        }
        md.append('\n');
        MarkdownReportRenderer.more(migrations.size() - Math.min(migrations.size(), MAX_ROWS), "migration", md);
    }

    private static List<Integer> rowsToShow(List<MigrationReport> migrations) {
        if (migrations.size() <= MAX_ROWS) {
            return IntStream.range(0, migrations.size()).boxed().toList();
        }
        List<Integer> chosen = new ArrayList<>();
        IntStream.range(0, migrations.size()).filter(i -> troubled(migrations.get(i)))
                .limit(MAX_ROWS).forEach(chosen::add);
        IntStream.range(0, migrations.size()).filter(i -> !troubled(migrations.get(i)))
                .limit(MAX_ROWS - chosen.size()).forEach(chosen::add);
        return chosen.stream().sorted().toList();
    }

    private static boolean troubled(MigrationReport migration) {
        return migration.roundTrip().up() == StepStatus.FAILED || migration.roundTrip().down() == StepStatus.FAILED
                || migration.roundTrip().reup() == StepStatus.FAILED
                || migration.findings().stream().anyMatch(Finding::isActive);
    }

    private static void row(MigrationReport m, StringBuilder md) {
        long active = m.findings().stream().filter(Finding::isActive).count();
        long suppressed = m.findings().size() - active;
        md.append("| ").append(m.kind() == MigrationKind.REPEATABLE ? "R" : Markdown.text(m.version(), 40))
                .append(" | ").append(Markdown.text(m.description(), 80))
                .append(" | ").append(status(m.roundTrip().up()))
                .append(" | ").append(status(m.roundTrip().down()))
                .append(" | ").append(status(m.roundTrip().reup()))
                .append(" | ").append(m.strongestLock().map(MarkdownMigrationTable::strongest).orElse("—"))
                .append(" | ").append(m.longestLockHold().map(MarkdownMigrationTable::hold).orElse("—"))
                .append(" | ").append(m.rewriteCount())
                .append(" | ").append(m.statements().isEmpty() ? "—" : Fmt.ms(m.writersBlockedMaxMs()))
                .append(" | ").append(m.largestWal().map(Fmt::wal).orElse("—"))
                .append(" | ").append(active).append(suppressed > 0 ? " (+" + suppressed + " suppressed)" : "")
                .append(" |\n");
    }

    private static String strongest(LockHold lock) {
        return Markdown.text(LockModes.shortName(lock.mode()), 40) + " on " + Markdown.text(lock.relation(), 60);
    }

    private static String hold(LockHold lock) {
        return Fmt.ms(lock.heldMs()) + " on " + Markdown.text(lock.relation(), 60);
    }

    private static String status(StepStatus status) {
        return switch (status) {
            case OK -> "✅ ok";
            case FAILED -> "❌ failed";
            case MISSING -> "➖ missing";
            case NOT_RUN -> "⏭️ not run";
        };
    }
}
