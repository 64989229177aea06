package dev.rehearsal.junit;

import static dev.rehearsal.junit.internal.error.AppVersionShouldWork.appVersionShouldBeChecked;
import static dev.rehearsal.junit.internal.error.AppVersionShouldWork.appVersionShouldWork;
import static dev.rehearsal.junit.internal.error.AppVersionShouldWork.migrationShouldExistForApp;

import dev.rehearsal.junit.internal.error.ReportLink;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.PhaseCheck;
import dev.rehearsal.report.Report;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.error.ErrorMessageFactory;

/** Assertions on one app version across the phases of the rollout. The actual value is the version's name. */
public final class AppVersionAssert extends AbstractAssert<AppVersionAssert, String> {

    private final Report report;
    private final Optional<Path> reportFile;

    AppVersionAssert(String app, Report report, Optional<Path> reportFile) {
        super(app, AppVersionAssert.class);
        this.report = report;
        this.reportFile = reportFile;
    }

    @Override
    protected void throwAssertionError(ErrorMessageFactory message) {
        super.throwAssertionError(ReportLink.pointingAt(message, reportFile));
    }

    /** Every check of this version passed wherever it ran; it must have run at least once. */
    public AppVersionAssert worksAtEveryPhase() {
        return works(report.migrations(), null);
    }

    /** Every check of this version passed at every phase of the migrations up to and including {@code version}. */
    public AppVersionAssert worksAtEveryPhaseUntil(String version) {
        List<MigrationReport> upTo = new ArrayList<>();
        for (MigrationReport migration : report.migrations()) {
            upTo.add(migration);
            if (version.equals(migration.version())) {
                return works(upTo, version);
            }
        }
        throwAssertionError(migrationShouldExistForApp(actual, version,
                String.join(", ", report.migrations().stream().map(MigrationReport::shortName).toList())));
        return this;
    }

    private AppVersionAssert works(List<MigrationReport> migrations, String until) {
        List<PhaseCheck> checks = migrations.stream().flatMap(m -> m.phases().stream())
                .filter(c -> c.app().equals(actual)).toList();
        if (checks.isEmpty()) {
            throwAssertionError(appVersionShouldBeChecked(actual, until));
        }
        checks.stream().filter(c -> !c.ok()).findFirst()
                .ifPresent(failed -> throwAssertionError(appVersionShouldWork(actual, until, failed)));
        return this;
    }
}
