package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The benchmarks themselves are programs, never tests; what is tested is that bad options get one clear message. */
class BenchCommandTest {

    @Test
    void should_name_the_benchmarks_there_are_when_asked_for_an_unknown_one() {
        CliRun run = CliRun.of("bench", "--only", "startup,warp-speed", "--out", "target/never-written.md");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("rehearse: Unknown benchmark 'warp-speed'; choose from startup, chain, pending, "
                + "sample, memory, seed, load, monitor, gates, extrapolation.");
        assertThat(java.nio.file.Path.of("target/never-written.md")).doesNotExist();
    }

    @Test
    void should_refuse_zero_repetitions() {
        CliRun run = CliRun.of("bench", "--repetitions", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("--repetitions must be 1 or more, got 0");
    }
}
