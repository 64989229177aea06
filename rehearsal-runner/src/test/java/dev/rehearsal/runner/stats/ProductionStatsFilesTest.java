package dev.rehearsal.runner.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.ExitCode;
import dev.rehearsal.runner.core.RehearsalException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A stats file is read back as written; anything else is refused with what is wrong in it (exit 2). */
class ProductionStatsFilesTest {

    private static final String GOOD = """
            {"format": "rehearsal-production-stats", "version": 1, "takenAt": "2026-12-04T10:15:30.123456Z",
             "serverVersion": "16.4", "database": "shop",
             "tables": [{"schema": "public", "name": "orders", "partitioned": false, "estimatedRows": 40000000,
                         "pages": 500000, "heapBytes": 4096000000, "toastBytes": 8192, "indexBytes": 900000000},
                        {"schema": "public", "name": "fresh", "partitioned": false, "estimatedRows": null,
                         "pages": 0, "heapBytes": 0, "toastBytes": 0, "indexBytes": 8192}]}
            """;

    @TempDir
    Path dir;

    @Test
    void should_write_what_the_server_answered_and_read_it_back() {
        // WHEN the server's answer is written and read again
        Path file = dir.resolve("sub/prod-stats.json");
        ProductionStatsFiles.write(GOOD, file);
        ProductionStats stats = ProductionStatsFiles.read(file);

        // THEN every figure survives, and the directory holds the file only
        assertThat(stats.takenAt()).isEqualTo(Instant.parse("2026-12-04T10:15:30.123456Z"));
        assertThat(stats.serverVersion()).isEqualTo("16.4");
        assertThat(stats.table("public.orders").orElseThrow())
                .isEqualTo(new TableStats("public", "orders", false, 40_000_000L, 500_000, 4_096_000_000L, 8192,
                        900_000_000));
        assertThat(stats.table("public.fresh").orElseThrow().rows()).isEmpty();
        assertThat(stats.table("public.missing")).isEmpty();
        assertThat(dir.resolve("sub").toFile().list()).containsExactly("prod-stats.json");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            not JSON         | SELECT 1;                                                         | it is not JSON
            a list           | [1, 2]                                                            | it is not a JSON object
            a report.json    | {"verdict": "pass", "migrations": []}                             | it has no "format": "rehearsal-production-stats"
            newer version    | {"format": "rehearsal-production-stats", "version": 2}            | format version 2, and this Rehearsal reads version 1 (upgrade Rehearsal
            no timestamp     | {"format": "rehearsal-production-stats", "version": 1}            | has no "takenAt" text
            bad timestamp    | {"format": "rehearsal-production-stats", "version": 1, "takenAt": "yesterday"} | "takenAt" is not a UTC timestamp
            no tables        | {"format": "rehearsal-production-stats", "version": 1, "takenAt": "2026-01-01T00:00:00Z", "serverVersion": "16"} | no "tables" list
            negative size    | {"format": "rehearsal-production-stats", "version": 1, "takenAt": "2026-01-01T00:00:00Z", "serverVersion": "16", "tables": [{"schema": "s", "name": "t", "estimatedRows": 1, "pages": -1, "heapBytes": 0, "toastBytes": 0, "indexBytes": 0}]} | tables[0].pages is missing or not a whole number ≥ 0
            unnamed table    | {"format": "rehearsal-production-stats", "version": 1, "takenAt": "2026-01-01T00:00:00Z", "serverVersion": "16", "tables": [{"schema": "s"}]} | tables[0] has no "name" text
            """)
    void should_refuse_a_file_that_is_not_a_stats_file_and_say_what_is_wrong(String what, String content,
            String reason) throws IOException {
        // GIVEN a file that is not a stats file
        Path file = Files.writeString(dir.resolve("stats.json"), content);

        // WHEN read, THEN bad input, naming the file, what is wrong and how to make a good one
        assertThatThrownBy(() -> ProductionStatsFiles.read(file))
                .isInstanceOfSatisfying(RehearsalException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.INVALID_PRODUCTION_STATS);
                    assertThat(e.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
                })
                .hasMessageStartingWith(file + " is not a production-stats file: ")
                .hasMessageContaining(reason)
                .hasMessageContaining("rehearse stats");
    }

    @Test
    void should_say_so_when_the_file_is_missing_or_a_directory() {
        assertThatThrownBy(() -> ProductionStatsFiles.read(dir.resolve("nope.json")))
                .hasMessageContaining("there is no such file");
        assertThatThrownBy(() -> ProductionStatsFiles.read(dir)).hasMessageContaining("it is a directory");
    }

    @Test
    void should_leave_nothing_behind_when_the_answer_is_not_a_stats_value() {
        Path file = dir.resolve("prod-stats.json");
        assertThatThrownBy(() -> ProductionStatsFiles.write("{\"format\": \"other\"}", file))
                .isInstanceOf(RehearsalException.class);
        assertThat(dir.toFile().list()).isEmpty();
    }
}
