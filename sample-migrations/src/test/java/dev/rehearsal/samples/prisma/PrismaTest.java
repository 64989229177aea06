package dev.rehearsal.samples.prisma;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.LockMode;
import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.report.Finding;
import dev.rehearsal.report.LockHold;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Phase;
import dev.rehearsal.report.Severity;
import dev.rehearsal.report.StepStatus;
import dev.rehearsal.runner.config.Policy;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Prisma Migrate folders ({@code <timestamp>_<name>/migration.sql} beside {@code migration_lock.toml}) are rehearsed
 * like their Flyway equivalents: the same index built plainly and concurrently gives the same verdicts and finding
 * codes. Prisma has no down migrations, so a missing one is an info here, and a {@code down.sql} beside
 * {@code migration.sql} is rehearsed as the undo. Prisma sends each file as one query, so CONCURRENTLY beside another
 * statement fails in the rehearsal as under {@code prisma migrate deploy}.
 */
@MigrationRehearsal(locations = "classpath:db/prisma/safe", rows = "0")
@Tag("slow") // seven rehearsals of Prisma migration folders (12 s on a 2-core machine)
class PrismaTest {

    @Test
    void should_detect_prisma_and_pass_the_concurrent_index_build(RehearsalResult result) {
        assertThat(result.report().source().layout()).isEqualTo("prisma");
        assertThat(result.migrations()).extracting(MigrationReport::version)
                .containsExactly("20240301090000", "20240301120000");
        assertThat(result).passes();
        assertThat(result).migration("20240301120000")
                .rewritesNoTable()
                .hasNoFindingAtOrAbove(Severity.WARNING)
                .blocksWritersAtMost(Duration.ZERO);
    }

    @Test
    void should_build_a_lone_concurrent_index_outside_a_transaction_as_postgresql_runs_a_one_statement_query(
            RehearsalResult result) {
        MigrationReport index = result.migration("20240301120000").orElseThrow();

        assertThat(index.transactional()).isFalse();
        assertThat(index.statements(Phase.UP).stream().flatMap(s -> s.locks().stream())
                .filter(l -> l.relation().equals("public.orders")).map(LockHold::mode))
                .containsExactly(LockMode.SHARE_UPDATE_EXCLUSIVE.pgLocksName());
    }

    @Test
    void should_report_the_missing_down_migrations_as_info_since_prisma_has_none(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/prisma/safe")
                .policy(Policy.defaults().withFailOn(Severity.WARNING)));

        assertThat(result).passes();
        for (MigrationReport migration : result.migrations()) {
            assertThat(migration.roundTrip().down()).isEqualTo(StepStatus.MISSING);
            assertThat(migration.findings()).filteredOn(f -> f.code().equals("MISSING_DOWN")).singleElement()
                    .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.INFO))
                    .extracting(Finding::remediation).asString().contains("down.sql beside ");
        }
    }

    @Test
    void should_keep_the_severity_the_policy_sets_for_a_missing_down(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/prisma/safe")
                .policy(Policy.defaults().withSeverity("MISSING_DOWN", Severity.ERROR)));

        assertThat(result).fails();
        assertThat(result.migration("20240301120000").orElseThrow().findings())
                .filteredOn(f -> f.code().equals("MISSING_DOWN")).extracting(Finding::severity)
                .containsExactly(Severity.ERROR);
    }

    @Test
    void should_fail_the_plain_index_build_with_the_flyway_sample_finding(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/prisma/dangerous"));

        assertThat(result).fails();
        assertThat(result).migration("20240301120000").hasFinding("NON_CONCURRENT_INDEX");
    }

    @Test
    void should_fail_concurrently_beside_another_statement_as_prisma_migrate_deploy_does(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/prisma/in-transaction"));

        assertThat(result).fails();
        MigrationReport ship = result.migration("20240301120000").orElseThrow();
        assertThat(ship.transactional()).isTrue();
        assertThat(ship.roundTrip().up()).isEqualTo(StepStatus.FAILED);
        assertThat(ship.findings()).filteredOn(f -> f.code().equals("MIGRATION_FAILED")).singleElement()
                .satisfies(f -> assertThat(f.title())
                        .contains("CREATE INDEX CONCURRENTLY cannot run inside a transaction block"))
                .satisfies(f -> assertThat(f.evidence()).contains("[SQLSTATE 25001]"))
                .satisfies(f -> assertThat(f.line()).isEqualTo(8))
                .extracting(Finding::remediation).asString().contains("a migration folder of its own");
    }

    @Test
    void should_rehearse_the_down_sql_beside_migration_sql(Rehearsal rehearsal) {
        RehearsalResult result = rehearsal.run(config -> config.migrations("classpath:db/prisma/reversible"));

        assertThat(result).passes().allMigrations().areReversible();
        MigrationReport shipped = result.migration("20240302090000").orElseThrow();
        assertThat(shipped.undoScript()).endsWith("20240302090000_add_orders_shipped_at/down.sql");
        assertThat(shipped.roundTrip().down()).isEqualTo(StepStatus.OK);
        assertThat(shipped.findings()).extracting(Finding::code).doesNotContain("MISSING_DOWN");
    }
}
