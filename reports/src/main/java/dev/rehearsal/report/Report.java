package dev.rehearsal.report;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Everything one rehearsal found, rendered to every format from this one value.
 *
 * @param schemaVersion    version of the {@code report.json} contract; fields are added, never renamed
 * @param rehearsalVersion version of Rehearsal that produced the report
 * @param status           whether the run completed; a partial report says why in {@code statusReason}
 * @param statusReason     why the run is incomplete or interrupted, {@code null} when complete
 * @param startedAt        when the rehearsal started
 * @param durationMs       wall time of the whole rehearsal
 * @param postgres         the server the migrations were rehearsed on
 * @param settings         the options in effect (rows, load rate, …), never secrets
 * @param source           where the migrations came from
 * @param migrations       one entry per migration, in the order they were applied
 * @param findings         findings that concern the whole run rather than one migration (e.g. Flyway parity)
 * @param verdict          pass or fail under the policy
 * @param appliedHistory   the history applied without rehearsal before the pending migrations; {@code null} when every
 *                         migration was rehearsed
 */
public record Report(
        int schemaVersion,
        String rehearsalVersion,
        RunStatus status,
        String statusReason,
        Instant startedAt,
        double durationMs,
        PostgresInfo postgres,
        Map<String, String> settings,
        SourceInfo source,
        List<MigrationReport> migrations,
        List<Finding> findings,
        Verdict verdict,
        AppliedHistory appliedHistory) {

    /** The version of the {@code report.json} contract written by this code. */
    public static final int SCHEMA_VERSION = 1;

    public Report {
        settings = Lists.sortedCopy(settings);
        migrations = Lists.copy(migrations);
        findings = Lists.copy(findings);
    }

    /** A report of a rehearsal that rehearsed every migration of the chain. */
    public Report(int schemaVersion, String rehearsalVersion, RunStatus status, String statusReason, Instant startedAt,
            double durationMs, PostgresInfo postgres, Map<String, String> settings, SourceInfo source,
            List<MigrationReport> migrations, List<Finding> findings, Verdict verdict) {
        this(schemaVersion, rehearsalVersion, status, statusReason, startedAt, durationMs, postgres, settings, source,
                migrations, findings, verdict, null);
    }

    /** The settings key that holds the policy threshold: {@code error}, {@code warning} or {@code info}. */
    public static final String FAIL_ON = "failOn";

    /**
     * The least severity that fails the run, from {@link #settings()} key {@value #FAIL_ON}; {@code error} when the
     * key is absent. An unknown value also gives {@code error}: the runner validates settings before a report exists.
     */
    public Severity failOn() {
        String value = settings.get(FAIL_ON);
        for (Severity severity : Severity.values()) {
            if (severity.json().equals(value)) {
                return severity;
            }
        }
        return Severity.ERROR;
    }

    /** The settings key that holds how long a writer may wait on one statement's locks, e.g. {@code 100ms}. */
    public static final String WRITER_BLOCK_BUDGET = "writerBlockBudget";

    /**
     * The writer-block budget in milliseconds, from {@link #settings()} key {@value #WRITER_BLOCK_BUDGET}
     * ({@code 250ms}, {@code 2s}, {@code 1min}); empty when the key is absent or unreadable.
     */
    public java.util.OptionalDouble writerBlockBudgetMs() {
        String value = settings.get(WRITER_BLOCK_BUDGET);
        if (value == null) {
            return java.util.OptionalDouble.empty();
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|min)").matcher(value.strip());
        if (!m.matches()) {
            return java.util.OptionalDouble.empty();
        }
        double amount = Double.parseDouble(m.group(1));
        return java.util.OptionalDouble.of(switch (m.group(2)) {
            case "ms" -> amount;
            case "s" -> amount * 1000;
            default -> amount * 60_000;
        });
    }

    /** Whether the finding counts and is at or above {@link #failOn()}. */
    public boolean breaksPolicy(Finding finding) {
        return finding.isActive() && finding.severity().isAtLeast(failOn());
    }

    /** Every finding of the run: run-wide ones first, then each migration's in order. */
    public List<Finding> allFindings() {
        List<Finding> all = new java.util.ArrayList<>(findings);
        migrations.forEach(m -> all.addAll(m.findings()));
        return List.copyOf(all);
    }

    /**
     * One line naming the tables a migration worked on that held fewer rows than asked (the active
     * {@code SEED_SKIPPED} findings), e.g. {@code Measured on an empty table: public.customers (V1)}; empty when every
     * table was filled. Summaries print it beside the verdict: figures about those tables are not production's.
     */
    public java.util.Optional<String> measuredOnFewRows() {
        List<String> empty = new java.util.ArrayList<>();
        List<String> fewer = new java.util.ArrayList<>();
        for (MigrationReport migration : migrations) {
            for (Finding f : migration.findings()) {
                if (f.isActive() && FindingType.SEED_SKIPPED.code().equals(f.code()) && f.relation() != null) {
                    String entry = f.relation() + " (" + migration.shortName() + ")";
                    (f.title().startsWith("Measured on an empty table") ? empty : fewer).add(entry);
                }
            }
        }
        List<String> parts = new java.util.ArrayList<>();
        if (!empty.isEmpty()) {
            parts.add("Measured on an empty table: " + String.join(", ", empty));
        }
        if (!fewer.isEmpty()) {
            parts.add("measured on fewer rows than asked: " + String.join(", ", fewer));
        }
        return parts.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(String.join("; ", parts)
                + ". Figures about these tables do not reflect production's rows.");
    }
}
