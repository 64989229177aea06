package dev.rehearsal.junit;

import static dev.rehearsal.junit.internal.error.MigrationShouldBeReversible.migrationsShouldBeReversible;

import dev.rehearsal.junit.internal.error.MigrationShouldBeReversible;
import dev.rehearsal.junit.internal.error.ReportLink;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.error.ErrorMessageFactory;

/** Assertions on every migration of the chain; a failure lists each migration that breaks it. */
public final class AllMigrationsAssert extends AbstractAssert<AllMigrationsAssert, Report> {

    private final Optional<Path> reportFile;

    AllMigrationsAssert(Report actual, Optional<Path> reportFile) {
        super(actual, AllMigrationsAssert.class);
        this.reportFile = reportFile;
    }

    @Override
    protected void throwAssertionError(ErrorMessageFactory message) {
        super.throwAssertionError(ReportLink.pointingAt(message, reportFile));
    }

    /** Every migration is reversible (see {@link MigrationAssert#isReversible()}). */
    public AllMigrationsAssert areReversible() {
        List<String> reasons = new ArrayList<>();
        for (MigrationReport migration : actual.migrations()) {
            MigrationShouldBeReversible.whyNot(migration)
                    .ifPresent(why -> reasons.add(migration.shortName() + ": " + why.replace("\n", "\n  ")));
        }
        if (!reasons.isEmpty()) {
            throwAssertionError(migrationsShouldBeReversible(reasons));
        }
        return this;
    }
}
