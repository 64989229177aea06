package dev.rehearsal.junit.internal;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.StatementTrace;
import dev.rehearsal.report.StepStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The measured figures as test names and assertion messages show them. */
public final class Figures {

    private static final int EXCERPT = 60;

    private Figures() {
    }

    /** {@code 0.4 ms}, {@code 9.3 ms}, {@code 812 ms}, {@code 1.17 s}. */
    public static String duration(double ms) {
        if (ms < 10) {
            return String.format(Locale.ROOT, "%.1f ms", ms);
        }
        if (ms < 1000) {
            return Math.round(ms) + " ms";
        }
        return String.format(Locale.ROOT, "%.2f s", ms / 1000);
    }

    /** {@code 812 ms, AccessExclusiveLock on public.orders held 812 ms, 1 rewrite}: what one step did. */
    public static String step(MigrationReport migration, Phase phase) {
        List<StatementTrace> statements = migration.statements(phase);
        List<String> parts = new ArrayList<>();
        parts.add(duration(statements.stream().mapToDouble(StatementTrace::durationMs).sum()));
        statements.stream().flatMap(s -> s.locks().stream()).max(LockHold.BY_STRENGTH_THEN_HOLD)
                .ifPresent(lock -> parts.add(lock(lock)));
        int rewrites = statements.stream().mapToInt(s -> s.rewrites().size()).sum();
        if (rewrites > 0) {
            parts.add(rewrites + (rewrites == 1 ? " rewrite" : " rewrites"));
        }
        double blocked = statements.stream().mapToDouble(s -> s.writers().blockedMaxMs()).max().orElse(0);
        if (blocked > 0) {
            parts.add("writers blocked up to " + duration(blocked));
        }
        return String.join(", ", parts);
    }

    /** {@code 1 check}, {@code 2 checks}. */
    public static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** {@code AccessExclusiveLock on public.orders held 812 ms}. */
    public static String lock(LockHold lock) {
        return lock.mode() + " on " + lock.relation() + " held " + duration(lock.heldMs());
    }

    /** One line per migration for a report entry: each step's figures, then the finding codes. */
    static String summary(MigrationReport migration) {
        List<String> steps = new ArrayList<>();
        steps.add("up " + status(migration.roundTrip().up(), migration, Phase.UP));
        steps.add("down " + status(migration.roundTrip().down(), migration, Phase.DOWN));
        steps.add("up again " + status(migration.roundTrip().reup(), migration, Phase.REUP));
        List<String> codes = migration.findings().stream().filter(Finding::isActive).map(Finding::code).distinct()
                .toList();
        return String.join("; ", steps) + (codes.isEmpty() ? "" : "; findings: " + String.join(", ", codes));
    }

    private static String status(StepStatus status, MigrationReport migration, Phase phase) {
        return status == StepStatus.OK ? step(migration, phase) : status.json();
    }

    /** {@code V3__widen.sql:12}: the file name and line of a statement. */
    public static String where(StatementTrace statement) {
        return fileName(statement.script()) + ":" + statement.line();
    }

    /**
     * The file name of a script, with its folder where the name alone says nothing: every Prisma migration is a
     * {@code migration.sql} (or {@code down.sql}) in a folder named for it.
     */
    public static String fileName(String path) {
        if (path == null) {
            return "(run)";
        }
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        if (slash > 0 && (name.equals("migration.sql") || name.equals("down.sql"))) {
            return path.substring(path.lastIndexOf('/', slash - 1) + 1);
        }
        return name;
    }

    /** The statement on one line without comments, cut at {@value #EXCERPT} characters. */
    public static String excerpt(String sql) {
        String text = String.join(" ", sql.lines().map(String::strip).filter(l -> !l.startsWith("--")).toList())
                .replaceAll("\\s+", " ").strip();
        return text.length() <= EXCERPT ? text : text.substring(0, EXCERPT - 1).stripTrailing() + "…";
    }

    /** {@code statement at V3__x.sql:12 `ALTER TABLE …`}. */
    public static String statement(StatementTrace statement) {
        return "statement at " + where(statement) + " `" + excerpt(statement.sql()) + "`";
    }

    /** The first statement of the migration matching, in the order they ran. */
    static Optional<StatementTrace> first(MigrationReport migration, java.util.function.Predicate<StatementTrace> test) {
        return migration.statements().stream().filter(test).findFirst();
    }
}
