package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class HelpTextTest {

    @Test
    void should_show_the_placeholder_syntax_instead_of_an_interpolated_null() {
        String usage = new CommandLine(new RunCommand()).getUsageMessage(CommandLine.Help.Ansi.OFF);

        assertThat(usage).contains("A value for a Flyway ${placeholder}").doesNotContain("Flyway null");
    }
}
