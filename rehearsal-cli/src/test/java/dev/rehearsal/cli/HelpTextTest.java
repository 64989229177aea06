package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.cli.support.SpawnedCli;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

@Tag("slow") // over 2 s: CI runs it, the fast set (-Pquick) does not
class HelpTextTest {

    @Test
    void should_show_the_placeholder_syntax_instead_of_an_interpolated_null() {
        String usage = new CommandLine(new RunCommand()).getUsageMessage(CommandLine.Help.Ansi.OFF);

        assertThat(usage).contains("A value for a Flyway ${placeholder}")
                .doesNotContain("Flyway null");
    }

    @Test
    void should_print_the_help_without_a_warning_above_it() throws Exception {
        // picocli formats every description with String.format: a bare % ("2 % of one core") made it print
        // "[picocli WARN] Could not format …" to stderr above the help (its tracer writes to the JVM's own stderr,
        // hence a JVM of its own)
        for (String command : new String[] {"run", "report", "bench"}) {
            try (SpawnedCli cli = SpawnedCli.rehearse(command, "--help").start()) {
                assertThat(cli.waitFor(Duration.ofMinutes(1))).as(command + " --help exit code").isZero();
                assertThat(cli.err()).as(command + " --help stderr").doesNotContain("WARN");
                assertThat(cli.out()).as(command + " --help").contains("Usage: rehearse " + command);
            }
        }
    }
}
