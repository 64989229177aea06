package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.PhaseCheck;
import dev.rehearsal.report.Report;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.plan.AppVersion;
import dev.rehearsal.runner.plan.RolloutPlan;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import dev.rehearsal.runner.support.EmbeddedServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@Tag("slow") // whole rehearsals with app versions
class AppVersionChecksTest {

    @RegisterExtension
    static final EmbeddedServer server = new EmbeddedServer();

    private static final AppVersion V1 = AppVersion.named("v1")
            .sql("list orders", "SELECT id, customer_ref FROM orders LIMIT 1")
            .sql("insert order", "INSERT INTO orders (customer_ref, total_cents) VALUES ('c-1', 100)");
    private static final AppVersion V2 = AppVersion.named("v2")
            .sql("list orders", "SELECT id, customer_id FROM orders LIMIT 1");

    private static Report rehearse(RolloutPlan plan) {
        return new RehearsalEngine(RehearsalConfig.builder()
                .provider(server.provider())
                .migrations("src/test/resources/migrations/rename")
                .rows(0)
                // these tests are about the round trip; lock_timeout advice on the empty tables is beside the point
                .policy(dev.rehearsal.runner.config.Policy.defaults().withDisabled("NO_LOCK_TIMEOUT"))
                .load(false)
                .flywayParity(false)
                .plan(plan)
                .build()).run();
    }

    private static List<String> codes(MigrationReport migration) {
        return migration.findings().stream().map(Finding::code).toList();
    }

    @Test
    void should_check_old_and_new_versions_after_up_and_only_the_old_one_after_down() {
        // WHEN the rename is rehearsed with v1 running and v2 deployed right after it
        Report report = rehearse(RolloutPlan.deploy(V1).thenMigrate("2").thenDeploy(V2).thenRetire(V1));

        // THEN the baseline migration runs no checks
        assertThat(report.migrations().get(0).phases()).isEmpty();
        // AND v1 breaks after up and up again, works again after the rollback; v2 works where it runs
        MigrationReport rename = report.migrations().get(1);
        assertThat(rename.phases()).extracting(PhaseCheck::name, PhaseCheck::app, PhaseCheck::ok).containsExactly(
                org.assertj.core.groups.Tuple.tuple("after V2 up", "v1", false),
                org.assertj.core.groups.Tuple.tuple("after V2 up", "v2", true),
                org.assertj.core.groups.Tuple.tuple("after V2 down", "v1", true),
                org.assertj.core.groups.Tuple.tuple("after V2 up again", "v1", false),
                org.assertj.core.groups.Tuple.tuple("after V2 up again", "v2", true));
        assertThat(rename.phases().get(0).failures()).containsExactly(
                "list orders: ERROR: column \"customer_ref\" does not exist [SQLSTATE 42703]",
                "insert order: ERROR: column \"customer_ref\" of relation \"orders\" does not exist [SQLSTATE 42703]");

        // AND the failures are findings, the rename named at its line with the expand/contract fix
        assertThat(codes(rename)).containsExactly("APP_VERSION_BROKEN", "APP_VERSION_BROKEN", "RENAME_BREAKS_APP");
        Finding broken = rename.findings().get(0);
        assertThat(broken.title()).isEqualTo("App version v1 fails after V2 up");
        assertThat(broken.script()).endsWith("rename/V2__rename_customer_ref.sql");
        assertThat(broken.evidence()).startsWith("app v1 fails after V2 up: 2 of 2 checks\n  list orders: ERROR:");
        Finding renameFinding = rename.findings().get(2);
        assertThat(renameFinding.line()).isEqualTo(2);
        assertThat(renameFinding.relation()).isEqualTo("orders");
        assertThat(renameFinding.evidence()).startsWith("renamed orders.customer_ref to customer_id; app versions "
                + "running before the migration then fail:\napp v1 fails after V2 up");
        assertThat(renameFinding.remediation()).contains("ALTER TABLE orders ADD COLUMN customer_id")
                .contains("FOR UPDATE SKIP LOCKED").contains("ALTER TABLE orders DROP COLUMN customer_ref;");
    }

    @Test
    void should_report_a_rename_of_an_existing_table_as_breaking_when_no_app_version_is_declared() {
        // WHEN the rename is rehearsed without a plan
        Report report = rehearse(RolloutPlan.none());

        // THEN the creating migration is quiet, the rename is a finding with the presumption as evidence
        assertThat(report.migrations().get(0).findings()).isEmpty();
        Finding finding = report.migrations().get(1).findings().get(0);
        assertThat(finding.code()).isEqualTo("RENAME_BREAKS_APP");
        assertThat(finding.evidence())
                .isEqualTo("renamed orders.customer_ref to customer_id; every running app version that uses the old "
                        + "name breaks");
    }

    @Test
    void should_roll_back_what_a_check_writes_and_fail_a_check_that_runs_too_long() {
        // GIVEN a version whose first check inserts a row, whose second counts rows, and whose third sleeps
        AppVersion writer = AppVersion.named("writer")
                .check("insert order", c -> c.createStatement()
                        .execute("INSERT INTO orders (customer_ref) VALUES ('c-1')"))
                .check("sees no order", c -> {
                    try (ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM orders")) {
                        rs.next();
                        if (rs.getLong(1) != 0) {
                            throw new AssertionError(rs.getLong(1) + " orders left by an earlier check");
                        }
                    }
                })
                .sql("slow report", "SELECT pg_sleep(5)");

        // WHEN it runs around the table's creation... after the baseline, with a check timeout far below the slow
        // check's 5 s and far above what an INSERT into an empty table takes on a busy machine
        Report report = rehearse(RolloutPlan.migrate("1").thenDeploy(writer).withCheckTimeout(Duration.ofSeconds(1)));

        // THEN the insert was rolled back every time, and only the slow check failed, by the statement timeout
        PhaseCheck afterUp = report.migrations().get(0).phases().get(0);
        assertThat(afterUp.name()).isEqualTo("after V1 up");
        assertThat(afterUp.failures()).containsExactly(
                "slow report: ERROR: canceling statement due to statement timeout [SQLSTATE 57014]");
    }
}
