package dev.rehearsal.junit;

import static dev.rehearsal.junit.internal.error.MigrationShouldBeReversible.migrationsShouldBeReversible;

import dev.rehearsal.junit.internal.error.MigrationShouldBeReversible;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.AbstractAssert;

/** Assertions on every migration of the chain; a failure lists each migration that breaks it. */
public final class AllMigrationsAssert extends AbstractAssert<AllMigrationsAssert, Report> {

    AllMigrationsAssert(Report actual) {
        super(actual, AllMigrationsAssert.class);
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
