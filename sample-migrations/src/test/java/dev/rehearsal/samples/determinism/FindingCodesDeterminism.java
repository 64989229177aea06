package dev.rehearsal.samples.determinism;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.Finding;
import dev.rehearsal.report.MigrationReport;
import dev.rehearsal.report.Report;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.RehearsalEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestFactory;

/**
 * Facts that do not depend on timing must not depend on scheduling luck: every pattern sample, rehearsed under the
 * default write load N times in a row, gives the same finding codes per migration every time (except the codes
 * whose fact is a duration against a budget, see {@link #DURATION_FACTS}). Slow (N × every
 * sample), so it runs only in its own profile:
 * <pre>
 * mvn -o -B -pl sample-migrations -am test -Pdeterminism -Dtest=FindingCodesDeterminism \
 *     -Dsurefire.failIfNoSpecifiedTests=false [-Ddeterminism.runs=20] [-Ddeterminism.samples=rename,drop-column/dangerous]
 * </pre>
 * Each sample's figures (runs, time, codes that varied and in how many runs) are appended to
 * {@code sample-migrations/target/determinism.txt}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FindingCodesDeterminism {

    /** One server for every run: what varies between runs is the rehearsal, not the server start. */
    private PostgresServer server;

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    /**
     * Findings whose fact is a measured duration against a budget (writers blocked longer than 100 ms, a statement
     * that queued behind a long reader): on a busy machine a batch of a backfill or a short AccessExclusiveLock can
     * cross the budget in one run and not in the next, and that is the fact. Their variation is written to the
     * summary, not asserted.
     */
    private static final java.util.Set<String> DURATION_FACTS = java.util.Set.of("LOCK_BLOCKS_WRITERS", "LOCK_QUEUE");

    private static final Path PATTERNS = Path.of("src/test/resources/db/patterns");
    private static final Path SUMMARY = Path.of("target/determinism.txt");

    @TestFactory
    Stream<DynamicTest> every_pattern_sample_gives_the_same_codes_in_every_run() throws IOException {
        int runs = Integer.getInteger("determinism.runs", 20);
        List<String> only = java.util.Arrays.stream(System.getProperty("determinism.samples", "").split(","))
                .map(String::strip).filter(f -> !f.isEmpty()).toList();
        List<Path> samples;
        try (Stream<Path> files = Files.walk(PATTERNS)) {
            samples = files.filter(p -> p.getFileName().toString().matches("V\\d+__.*\\.sql")).map(Path::getParent)
                    .distinct().sorted().filter(p -> only.isEmpty() || only.stream().anyMatch(p.toString()::contains)).toList();
        }
        assertThat(samples).as("pattern samples under %s", PATTERNS.toAbsolutePath()).isNotEmpty();
        server = PostgresProviders.embedded().start();
        return samples.stream().map(sample -> DynamicTest.dynamicTest(PATTERNS.relativize(sample).toString(),
                () -> rehearseRepeatedly(server, sample, runs)));
    }

    private static void rehearseRepeatedly(PostgresServer server, Path sample, int runs) {
        List<Map<String, SortedSet<String>>> outcomes = new ArrayList<>();
        Map<String, String> failures = new TreeMap<>(); // what a failed step said, so a varying failure can be read
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            Report report = new RehearsalEngine(RehearsalConfig.builder().migrations(sample.toString()).rows(0)
                    .load(true).provider(PostgresProviders.shared(server)).build()).run();
            outcomes.add(codesByMigration(report));
            report.migrations().forEach(m -> m.findings().stream().filter(f -> f.code().equals("MIGRATION_FAILED"))
                    .forEach(f -> failures.putIfAbsent("V" + m.version(), f.evidence().lines().findFirst().orElse(""))));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Map<String, Integer> all = varying(outcomes);
        Map<String, Integer> varying = new LinkedHashMap<>(all);
        varying.keySet().removeIf(code -> DURATION_FACTS.contains(code.substring(code.indexOf(' ') + 1)));
        summarize(String.format(Locale.ROOT, "%-40s %3d runs %7.1f s  %s", PATTERNS.relativize(sample), runs, seconds,
                all.isEmpty() ? "same codes in every run" : "varied: " + all
                        + (varying.isEmpty() ? " (durations against a budget only)" : ""))
                + "; first run: " + outcomes.get(0) + (failures.isEmpty() ? "" : "; failures: " + failures));
        assertThat(varying).as("finding codes (V<version> CODE → runs that had it, of %d) that not every run of %s "
                + "reported; first run: %s", runs, sample, outcomes.get(0)).isEmpty();
    }

    private static Map<String, SortedSet<String>> codesByMigration(Report report) {
        Map<String, SortedSet<String>> codes = new TreeMap<>();
        for (MigrationReport m : report.migrations()) {
            codes.put(m.version() == null ? m.description() : m.version(),
                    m.findings().stream().map(Finding::code).collect(Collectors.toCollection(TreeSet::new)));
        }
        return codes;
    }

    /** "V2 WRITER_ERRORS" → in how many runs it appeared, for every code some runs had and others not. */
    private static Map<String, Integer> varying(List<Map<String, SortedSet<String>>> outcomes) {
        Map<String, Integer> seen = new TreeMap<>();
        for (Map<String, SortedSet<String>> outcome : outcomes) {
            outcome.forEach((version, codes) -> codes.forEach(code -> seen.merge("V" + version + " " + code, 1, Integer::sum)));
        }
        Map<String, Integer> varying = new LinkedHashMap<>();
        seen.forEach((code, count) -> {
            if (count != outcomes.size()) {
                varying.put(code, count);
            }
        });
        return varying;
    }

    private static void summarize(String line) {
        try {
            Files.createDirectories(SUMMARY.getParent());
            Files.writeString(SUMMARY, line + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("could not append to " + SUMMARY.toAbsolutePath(), e);
        }
    }
}
