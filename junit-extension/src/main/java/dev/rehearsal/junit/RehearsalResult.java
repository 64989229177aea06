package dev.rehearsal.junit;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.PhaseCheck;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.Verdict;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;

/** What a rehearsal found: the {@link Report} with accessors for tests. Check it with {@link RehearsalAssertions}. */
public final class RehearsalResult {

    private final Report report;
    private final Path reportFile;

    private RehearsalResult(Report report, Path reportFile) {
        this.report = Objects.requireNonNull(report, "report");
        this.reportFile = reportFile;
    }

    public static RehearsalResult of(Report report) {
        return new RehearsalResult(report, null);
    }

    /** A result whose report was written to files; {@code reportFile} is the one a failed assertion points at. */
    public static RehearsalResult of(Report report, Path reportFile) {
        return new RehearsalResult(report, Objects.requireNonNull(reportFile, "reportFile"));
    }

    /**
     * The written report a failed assertion points at: {@code report.html} when HTML was written, else the first
     * format written; empty when no report was written ({@code rehearsal.reports.dir=none}).
     */
    public Optional<Path> reportFile() {
        return Optional.ofNullable(reportFile);
    }

    /** The whole report, as rendered to JSON, Markdown, HTML, JUnit XML and SARIF. */
    public Report report() {
        return report;
    }

    /** Whether no active finding reaches the policy's failing severity. */
    public boolean passed() {
        return report.verdict() == Verdict.PASS;
    }

    public List<MigrationReport> migrations() {
        return report.migrations();
    }

    /** The migration of that version ({@code "3"} for {@code V3__…}); empty when the chain has none. */
    public Optional<MigrationReport> migration(String version) {
        // Flyway's equality: 3.1, 3_1 and 03.1 name the same version
        return report.migrations().stream().filter(m -> m.version() != null && sameVersion(m.version(), version))
                .findFirst();
    }

    /** Flyway's equality where both parse as Flyway versions; else the text (a Liquibase id, a Prisma folder name). */
    private static boolean sameVersion(String chain, String wanted) {
        try {
            return MigrationVersion.fromVersion(chain.replace('_', '.'))
                    .equals(MigrationVersion.fromVersion(wanted.replace('_', '.')));
        } catch (RuntimeException notFlywayShaped) {
            return chain.equals(wanted);
        }
    }

    /** Every finding, run-wide ones first. */
    public List<Finding> findings() {
        return report.allFindings();
    }

    /** Every app-version check, in the order they ran. */
    public List<PhaseCheck> phases() {
        return report.migrations().stream().flatMap(m -> m.phases().stream()).toList();
    }

    @Override
    public String toString() {
        return "RehearsalResult[" + report.verdict().json() + ", " + report.migrations().size() + " migrations, "
                + findings().size() + " findings]";
    }
}
