package dev.rehearsal.junit;

import static dev.rehearsal.junit.internal.error.FindingsShould.shouldFail;
import static dev.rehearsal.junit.internal.error.FindingsShould.shouldPassPolicy;
import static dev.rehearsal.junit.internal.error.MigrationShouldExist.migrationShouldExist;

import dev.rehearsal.junit.internal.error.ReportLink;
import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import java.util.List;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.error.ErrorMessageFactory;

/** Assertions on a whole rehearsal; {@link #migration(String)} and {@link #appVersion(String)} narrow it down. */
public final class RehearsalResultAssert extends AbstractAssert<RehearsalResultAssert, RehearsalResult> {

    RehearsalResultAssert(RehearsalResult actual) {
        super(actual, RehearsalResultAssert.class);
    }

    /** The migration of that version ({@code "3"} for {@code V3__…}); fails when the chain has none. */
    public MigrationAssert migration(String version) {
        isNotNull();
        MigrationReport migration = actual.migration(version).orElse(null);
        if (migration == null) {
            throwAssertionError(migrationShouldExist(actual.report(), version));
        }
        return new MigrationAssert(migration, actual.report(), actual.reportFile()).as(info.description());
    }

    /** Every migration of the chain at once. */
    public AllMigrationsAssert allMigrations() {
        isNotNull();
        return new AllMigrationsAssert(actual.report(), actual.reportFile());
    }

    /** The app version of that name, as the rollout plan's checks saw it. */
    public AppVersionAssert appVersion(String name) {
        isNotNull();
        return new AppVersionAssert(name, actual.report(), actual.reportFile());
    }

    /** The verdict is pass: no active finding at or above the policy's failing severity. */
    public RehearsalResultAssert passes() {
        isNotNull();
        List<Finding> breaking = actual.findings().stream().filter(actual.report()::breaksPolicy).toList();
        if (!breaking.isEmpty() || !actual.passed()) {
            throwAssertionError(shouldPassPolicy("the rehearsal", actual.report().failOn(), breaking,
                    actual.report().measuredOnFewRows()));
        }
        return this;
    }

    @Override
    protected void throwAssertionError(ErrorMessageFactory message) {
        super.throwAssertionError(ReportLink.pointingAt(message, actual.reportFile()));
    }

    /** The verdict is fail. */
    public RehearsalResultAssert fails() {
        isNotNull();
        if (actual.passed()) {
            throwAssertionError(shouldFail(actual.report().failOn()));
        }
        return this;
    }
}
