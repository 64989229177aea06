package dev.rehearsal.samples.facts;

import dev.rehearsal.runner.core.BuildInfo;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes docs/measured-facts.md from Rehearsal's own measurements: every change of {@link FactPatterns} rehearsed on
 * each PostgreSQL major (locks, rewrites, scans) and, under the write load on the newest one, on tables of each size
 * (writers' waits). A benchmark-like program, not a test; it prints each measurement as it goes.
 * <pre>
 * mvn -B -q -pl sample-migrations -am test -DskipTests -Pmeasured-facts
 * mvn -B -q -pl sample-migrations -am test -DskipTests -Pmeasured-facts -Dfacts.args="--majors 13,14,15,16,17,18"
 * </pre>
 * Options: {@code --majors 13,18} {@code --rows 100000} {@code --load-rows 100000,1000000}
 * {@code --out docs/measured-facts.md}.
 */
public final class MeasuredFactsGenerator {

    static final String COMMAND = "mvn -B -q -pl sample-migrations -am test -DskipTests -Pmeasured-facts";

    private MeasuredFactsGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = options(args);
        List<Integer> majors = Arrays.stream(options.get("majors").split(",")).map(String::strip)
                .map(Integer::valueOf).sorted().toList();
        long rows = Long.parseLong(options.get("rows"));
        List<Long> loadRows = Arrays.stream(options.get("load-rows").split(",")).map(String::strip)
                .map(Long::valueOf).toList();
        Path out = Path.of(options.get("out"));
        int loadMajor = majors.get(majors.size() - 1);

        List<FactPattern> patterns = FactPatterns.all();
        Map<FactPattern, Map<Integer, Measured>> byMajor = new LinkedHashMap<>();
        Map<FactPattern, Map<Long, Measured>> byRows = new LinkedHashMap<>();
        List<String> versions = new ArrayList<>();
        for (int major : majors) {
            try (PostgresServer server = PostgresProviders.embedded(major).start()) {
                versions.add(server.info().version());
                for (FactPattern pattern : patterns) {
                    Measured m = PatternRun.measure(server, pattern, rows, false);
                    byMajor.computeIfAbsent(pattern, p -> new LinkedHashMap<>()).put(major, m);
                    System.out.printf("PostgreSQL %d, %,d rows: %-55s %s%n", major, rows, pattern.change(), m.describe());
                }
                if (major == loadMajor) {
                    for (long n : loadRows) {
                        for (FactPattern pattern : patterns) {
                            Measured m = PatternRun.measure(server, pattern, n, true);
                            byRows.computeIfAbsent(pattern, p -> new LinkedHashMap<>()).put(n, m);
                            System.out.printf("PostgreSQL %d, %,d rows, load: %-49s writers waited %.0f ms%s%n", major,
                                    n, pattern.change(), m.writersMaxMs(), m.error() == null ? "" : " (" + m.error() + ")");
                        }
                    }
                }
            }
        }
        List<FactsTable.Row> table = patterns.stream()
                .map(p -> new FactsTable.Row(p, byMajor.get(p), byRows.getOrDefault(p, Map.of()))).toList();
        String machine = Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version") + ", Rehearsal "
                + BuildInfo.rehearsalVersion();
        FactsTable.Provenance how = new FactsTable.Provenance(COMMAND, String.join(", ", versions), machine, rows,
                loadMajor, LocalDate.now(ZoneOffset.UTC).toString());
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, FactsTable.render(table, majors, loadRows, how));
        System.out.println("Wrote " + out.toAbsolutePath());
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>(Map.of("majors", "13,18", "rows", "100000",
                "load-rows", "100000,1000000", "out", "docs/measured-facts.md"));
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name == null || !options.containsKey(name) || i + 1 >= args.length) {
                throw new IllegalArgumentException("Unknown or incomplete option '" + args[i] + "'; options are "
                        + "--majors 13,18 --rows 100000 --load-rows 100000,1000000 --out docs/measured-facts.md");
            }
            options.put(name, args[++i]);
        }
        return options;
    }
}
