package dev.rehearsal.runner.internal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.report.StepStatus;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.config.RehearsalConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Liquibase changeSet's preconditions decide, as in {@code liquibase update}, whether it runs where the chain has
 * reached: HALT stops the chain there, WARN runs it with a note (MARK_RAN is in the sample {@code LiquibaseTest}).
 */
@Tag("slow") // four rehearsals, about 4 s: CI runs it, the fast set (-Pquick) does not
class PreconditionOutcomesTest {

    /** The changelog's start: the changeSet that creates the table the others change. */
    private static final String ORDERS = """
            databaseChangeLog:
              - changeSet:
                  id: orders
                  author: shop
                  changes:
                    - createTable: {tableName: orders, columns: [{column: {name: id, type: bigint}}]}
            """;

    @TempDir
    Path dir;

    private Report rehearse(String onFail, List<String> notes) throws IOException {
        return rehearse(onFail, notes, null);
    }

    private Report rehearse(String onFail, List<String> notes, String pendingAfter) throws IOException {
        Files.writeString(dir.resolve("db.changelog-master.yaml"), ORDERS + """
                  - changeSet:
                      id: legacy
                      author: shop
                      preConditions:
                        - onFail: %s
                        - tableExists: {tableName: legacy_orders}
                      changes:
                        - addColumn: {tableName: legacy_orders, columns: [{column: {name: note, type: text}}]}
                  - changeSet:
                      id: after
                      author: shop
                      changes:
                        - addColumn: {tableName: orders, columns: [{column: {name: note, type: text}}]}
                """.formatted(onFail));
        return new RehearsalEngine(RehearsalConfig.builder().migrations(dir.toString()).rows(0).load(false)
                .flywayParity(false).pendingAfter(pendingAfter).listener(new dev.rehearsal.runner.core.RehearsalListener() {
                    @Override
                    public void note(String message) {
                        notes.add(message);
                    }
                }).build()).run();
    }

    @Test
    void should_warn_when_a_precondition_on_the_servers_extensions_skips_a_change_set() throws IOException {
        // GIVEN Traccar's way of converting tables to TimescaleDB hypertables only where the server has the extension
        Files.writeString(dir.resolve("db.changelog-master.yaml"), ORDERS + """
                  - changeSet:
                      id: hypertable
                      author: shop
                      preConditions:
                        - onFail: MARK_RAN
                        - sqlCheck:
                            expectedResult: 1
                            sql: SELECT COUNT(*) FROM pg_available_extensions WHERE name = 'timescaledb'
                      changes:
                        - sql: {sql: "SELECT create_hypertable('orders', 'id')"}
                """);
        Report report = new RehearsalEngine(RehearsalConfig.builder().migrations(dir.toString()).rows(0).load(false)
                .flywayParity(false).build()).run();

        // THEN it is skipped as Liquibase skips it on this server, and the user is told it was not rehearsed
        MigrationReport hypertable = report.migrations().get(1);
        assertThat(hypertable.skippedByPrecondition()).isTrue();
        assertThat(hypertable.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("SKIPPED_BY_PRECONDITION");
            assertThat(f.severity()).isEqualTo(dev.rehearsal.report.Severity.WARNING);
            assertThat(f.title()).endsWith("skipped: its precondition asks which extensions the server has");
            assertThat(f.evidence()).contains("pg_available_extensions", "that was not rehearsed");
        });
    }

    @Test
    void should_stop_the_chain_where_a_halting_precondition_fails() throws IOException {
        Report report = rehearse("HALT", new CopyOnWriteArrayList<>());

        MigrationReport legacy = report.migrations().get(1);
        assertThat(legacy.roundTrip().up()).isEqualTo(StepStatus.FAILED);
        assertThat(legacy.findings()).extracting(Finding::code).containsExactly("MIGRATION_FAILED");
        assertThat(legacy.findings().get(0).evidence()).contains("the update stops here",
                "tableExists(tableName=legacy_orders)", "onFail HALT");
        assertThat(report.migrations().get(2).roundTrip().up()).isEqualTo(StepStatus.NOT_RUN);
        assertThat(report.migrations().get(2).skippedByPrecondition()).isFalse();
    }

    @Test
    void should_run_a_change_set_whose_precondition_only_warns_and_say_why() throws IOException {
        List<String> notes = new CopyOnWriteArrayList<>();
        Report report = rehearse("WARN", notes);

        // the changeSet runs, and fails as Liquibase's would: its table is not there
        assertThat(report.migrations().get(1).roundTrip().failure()).isNotNull()
                .satisfies(f -> assertThat(f.message()).contains("legacy_orders"));
        assertThat(notes).anyMatch(n -> n.contains("onFail WARN") && n.contains("applied all the same"));
    }

    @Test
    void should_go_on_after_a_change_set_its_precondition_skips() throws IOException {
        Report report = rehearse("CONTINUE", new CopyOnWriteArrayList<>());

        assertThat(report.migrations().get(1).skippedByPrecondition()).isTrue();
        assertThat(report.migrations().get(2).roundTrip().up()).isEqualTo(StepStatus.OK);
    }

    @Test
    void should_leave_out_of_the_applied_history_a_change_set_its_precondition_skips() throws IOException {
        // GIVEN the skipped changeSet in the history applied without rehearsal
        Report report = rehearse("MARK_RAN", new CopyOnWriteArrayList<>(), "2");

        // THEN the history applied as Liquibase applied it, and the pending changeSet was rehearsed after it
        assertThat(report.migrations()).extracting(MigrationReport::description).containsExactly("after/shop");
        assertThat(report.migrations().get(0).roundTrip().up()).isEqualTo(StepStatus.OK);
    }

    /**
     * Preconditions that read Liquibase's own record of applied changeSets: production's DATABASECHANGELOG lists the
     * changeSets before, the rehearsal's databases have no such table. Before, the first precondition found "orders"
     * not run (the changeSet skipped) and the second failed on "relation databasechangelog does not exist" (the
     * update stopped); neither leaves the table in the rehearsed schema.
     */
    @Test
    void should_see_the_changesets_before_as_run_in_databasechangelog() throws IOException {
        Files.writeString(dir.resolve("db.changelog-master.yaml"), ORDERS + """
                  - changeSet:
                      id: note
                      author: shop
                      preConditions:
                        - onFail: MARK_RAN
                        - changeSetExecuted: {id: orders, author: shop, changeLogFile: db.changelog-master.yaml}
                      changes:
                        - addColumn: {tableName: orders, columns: [{column: {name: note, type: text}}]}
                  - changeSet:
                      id: total
                      author: shop
                      preConditions:
                        - onFail: MARK_RAN
                        - sqlCheck: {expectedResult: 2, sql: "SELECT count(*) FROM databasechangelog"}
                      changes:
                        - addColumn: {tableName: orders, columns: [{column: {name: total, type: bigint}}]}
                """);
        Report report = new RehearsalEngine(RehearsalConfig.builder().migrations(dir.toString()).rows(0).load(false)
                .build()).run();

        assertThat(report.migrations()).extracting(m -> m.roundTrip().up())
                .containsExactly(StepStatus.OK, StepStatus.OK, StepStatus.OK);
        assertThat(report.migrations()).flatExtracting(MigrationReport::findings).extracting(Finding::code)
                .doesNotContain("SKIPPED_BY_PRECONDITION", "MIGRATION_FAILED");
        // Liquibase parity (liquibase update on a database of its own) agrees: the table never entered the schema
        assertThat(report.findings()).extracting(Finding::code).doesNotContain("LIQUIBASE_PARITY");
    }

    /**
     * A changeSet skipped by onFail CONTINUE gets no row in DATABASECHANGELOG (update tries it again next time), one
     * skipped by MARK_RAN a MARK_RAN row: the preconditions after them must see that. Both were staged as executed,
     * so a changeSet guarded by {@code changeSetExecuted} of the CONTINUE one ran where production skips it.
     */
    @Test
    void should_see_what_liquibase_recorded_for_the_changesets_skipped_before() throws IOException {
        Files.writeString(dir.resolve("db.changelog-master.yaml"), ORDERS + """
                  - changeSet:
                      id: legacy
                      author: shop
                      preConditions:
                        - onFail: CONTINUE
                        - tableExists: {tableName: legacy_orders}
                      changes:
                        - addColumn: {tableName: legacy_orders, columns: [{column: {name: note, type: text}}]}
                  - changeSet:
                      id: archive
                      author: shop
                      preConditions:
                        - onFail: MARK_RAN
                        - tableExists: {tableName: archived_orders}
                      changes:
                        - addColumn: {tableName: archived_orders, columns: [{column: {name: note, type: text}}]}
                  - changeSet:
                      id: legacy-note
                      author: shop
                      preConditions:
                        - onFail: MARK_RAN
                        - changeSetExecuted: {id: legacy, author: shop, changeLogFile: db.changelog-master.yaml}
                      changes:
                        - addColumn: {tableName: orders, columns: [{column: {name: legacy_note, type: text}}]}
                  - changeSet:
                      id: total
                      author: shop
                      preConditions:
                        - sqlCheck:
                            expectedResult: "orders:EXECUTED archive:MARK_RAN legacy-note:MARK_RAN"
                            sql: "SELECT string_agg(id || ':' || exectype, ' ' ORDER BY orderexecuted) FROM databasechangelog"
                      changes:
                        - addColumn: {tableName: orders, columns: [{column: {name: total, type: bigint}}]}
                """);
        Report report = new RehearsalEngine(RehearsalConfig.builder().migrations(dir.toString()).rows(0).load(false)
                .build()).run();

        // THEN the three guarded changeSets are skipped as update skips them, and the last one runs
        assertThat(report.migrations()).extracting(MigrationReport::description)
                .containsExactly("orders/shop", "legacy/shop", "archive/shop", "legacy-note/shop", "total/shop");
        assertThat(report.migrations()).extracting(MigrationReport::skippedByPrecondition)
                .containsExactly(false, true, true, true, false);
        assertThat(report.migrations().get(3).findings()).extracting(Finding::code)
                .containsExactly("SKIPPED_BY_PRECONDITION");
        assertThat(report.migrations().get(4).roundTrip().up()).isEqualTo(StepStatus.OK);
        assertThat(report.findings()).extracting(Finding::code).doesNotContain("LIQUIBASE_PARITY");
    }
}
