package dev.rehearsal.runner.internal.seed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.SeedSummary.SeededTable;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * CHECK constraints collected from public schemas (check-corpus.sql cites each source): the seeder fills their
 * tables without a seed script. Every entry gets its own schema in one database, seeded once.
 */
@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
class SeederCheckCorpusTest {

    private static final int ROWS = 1_000;
    private static final double REQUIRED_RATE = 0.95;
    private static final List<Entry> CORPUS = Entry.parse(Sql.resource(SeederCheckCorpusTest.class, "check-corpus.sql"));

    private static PostgresServer server;
    private static ScratchDatabase db;
    private static Map<String, SeededTable> seeded;

    /**
     * One corpus entry: a constraint, where it comes from, the tables that carry it, the DDL, and how many rows the
     * constraints admit at all ({@link Integer#MAX_VALUE} when unbounded).
     */
    record Entry(String name, String source, List<String> tables, String ddl, int most) {

        long expectedRows() {
            return Math.min(ROWS, most);
        }

        /** Filled to the target, or to all the constraints admit with the note that says so. */
        boolean filled(SeededTable result) {
            return result != null && result.rows() == expectedRows()
                    && (result.note() == null || (most < ROWS && result.note().startsWith("seeded " + most + " of ")));
        }

        String schema() {
            return "corpus_" + name;
        }

        static List<Entry> parse(String text) {
            List<Entry> entries = new ArrayList<>();
            for (String block : text.split("\n-- entry: ")) {
                if (!block.contains("\n-- source: ")) {
                    continue; // the file's header
                }
                String name = block.substring(0, block.indexOf('\n')).trim();
                String source = line(block, "-- source: ");
                List<String> tables = List.of(line(block, "-- tables: ").split(",\\s*"));
                int most = block.contains("\n-- most: ")
                        ? Integer.parseInt(line(block, "-- most: ").split(" ")[0]) : Integer.MAX_VALUE;
                entries.add(new Entry(name, source, tables, block.substring(block.indexOf('\n') + 1), most));
            }
            return entries;
        }

        private static String line(String block, String prefix) {
            int at = block.indexOf(prefix);
            return block.substring(at + prefix.length(), block.indexOf('\n', at)).trim();
        }

        @Override
        public String toString() {
            return name + " (" + source + ")";
        }
    }

    @BeforeAll
    static void seedTheCorpus() throws SQLException {
        server = PostgresProviders.embedded().start();
        db = server.createDatabase("check_corpus");
        for (Entry entry : CORPUS) {
            Sql.execute(db, "CREATE SCHEMA " + entry.schema() + "; SET search_path = " + entry.schema() + ", public;\n"
                    + entry.ddl());
        }
        try (Connection connection = db.connect()) {
            seeded = Seeder.seed(connection, SeedOptions.defaults().rows(ROWS)).tables().stream()
                    .collect(Collectors.toMap(SeededTable::relation, t -> t));
        }
    }

    @AfterAll
    static void stopServer() {
        if (db != null) {
            db.close();
        }
        server.close();
    }

    static List<Entry> corpus() {
        return CORPUS;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void should_fill_the_tables_of_a_real_world_check_without_a_seed_script(Entry entry) {
        for (String table : entry.tables()) {
            SeededTable result = seeded.get(entry.schema() + "." + table);
            assertThat(entry.filled(result)).as("%s: %s was %s, expected %d rows", entry, table, result,
                    entry.expectedRows()).isTrue();
        }
    }

    @Test
    void should_fill_at_least_95_percent_of_the_corpus_and_name_the_others() {
        List<String> failed = CORPUS.stream().filter(e -> !filled(e))
                .map(e -> e + ": " + e.tables().stream().map(t -> seeded.get(e.schema() + "." + t))
                        .map(String::valueOf).collect(Collectors.joining("; ")))
                .toList();
        double rate = 1.0 - (double) failed.size() / CORPUS.size();

        assertThat(CORPUS).hasSizeGreaterThanOrEqualTo(40);
        assertThat(rate).as("filled %d of %d; not filled:%n%s", CORPUS.size() - failed.size(), CORPUS.size(),
                String.join("\n", failed)).isGreaterThanOrEqualTo(REQUIRED_RATE);
    }

    private static boolean filled(Entry entry) {
        return entry.tables().stream().allMatch(t -> entry.filled(seeded.get(entry.schema() + "." + t)));
    }
}
