package dev.rehearsal.samples.repetition;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.Rehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.StatementTrace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every pattern sample with a statement that runs outside a transaction ({@code CREATE INDEX CONCURRENTLY},
 * {@code DROP INDEX CONCURRENTLY}) reports the same locks in every one of many consecutive rehearsals. Slow (50
 * rehearsals per sample), so it is not part of the default build: run it with
 * {@code mvn -o -pl sample-migrations -am test -Plock-repetitions -Dtest=ConcurrentLocksRepeated
 * -Dsurefire.failIfNoSpecifiedTests=false}, ideally while other processes keep the cores busy; the number of runs is
 * {@code -Drehearsal.lockRuns} (50).
 */
@MigrationRehearsal(locations = "classpath:db/patterns/create-index/safe", rows = "0", load = Toggle.OFF)
class ConcurrentLocksRepeated {

    private static final int RUNS = Integer.getInteger("rehearsal.lockRuns", 50);

    static Stream<String> samples() {
        return Stream.of("classpath:db/patterns/create-index/safe", "classpath:db/patterns/unique-index/safe",
                "classpath:db/patterns/unique-index/dangerous", "classpath:db/patterns/mixed-script/safe",
                "classpath:db/patterns/mixed-script/dangerous",
                "classpath:db/patterns/down-not-restoring/safe", "classpath:db/patterns/down-not-restoring/dangerous",
                "classpath:db/golang-migrate");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void should_report_the_same_locks_in_every_rehearsal(String sample, Rehearsal rehearsal) {
        // GIVEN a sample with statements that run outside a transaction
        Map<String, List<String>> first = null;
        List<Double> concurrentMs = new ArrayList<>();
        for (int run = 1; run <= RUNS; run++) {
            // WHEN it is rehearsed again
            // (Flyway parity applies the scripts a second time, untraced: not what is measured here)
            RehearsalResult result = rehearsal.run(config -> config.migrations(sample).flywayParity(false));
            Map<String, List<String>> locks = outsideTransactionLocks(result);
            result.report().migrations().stream().flatMap(m -> m.statements().stream())
                    .filter(s -> !s.transactional() && s.sql().contains("CONCURRENTLY"))
                    .forEach(s -> concurrentMs.add(s.durationMs()));
            if (first == null) {
                first = locks;
                assertThat(first).as("statements outside a transaction in %s", sample).isNotEmpty();
            }
            // THEN each statement outside a transaction reports the locks it reported the first time
            assertThat(locks).as("run %d of %d of %s", run, RUNS, sample).isEqualTo(first);
        }
        System.out.printf("%s: %d runs, the same locks every time: %s; CONCURRENTLY statements took %.1f ms on average%n",
                sample, RUNS, first, concurrentMs.stream().mapToDouble(Double::doubleValue).average().orElse(0));
    }

    /** Per statement outside a transaction (version, phase, line), its locks as {@code relation mode}, sorted. */
    private static Map<String, List<String>> outsideTransactionLocks(RehearsalResult result) {
        Map<String, List<String>> locks = new LinkedHashMap<>();
        for (MigrationReport migration : result.report().migrations()) {
            for (StatementTrace s : migration.statements()) {
                if (!s.transactional()) {
                    TreeSet<String> modes = new TreeSet<>();
                    s.locks().forEach(l -> modes.add(l.relation() + " " + l.mode()));
                    locks.put(migration.version() + " " + s.phase() + " line " + s.line() + ": " + s.sql(),
                            List.copyOf(modes));
                }
            }
        }
        return locks;
    }
}
