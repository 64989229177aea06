package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;

/** The user guide keeps up with the command line: every option of {@code rehearse run} is documented. */
class ConfigurationDocsTest {

    private static final Path DOCS = Path.of("..", "docs");

    @Test
    void should_document_every_option_of_rehearse_run() throws IOException {
        String configuration = Files.readString(DOCS.resolve("configuration.md"));

        for (OptionSpec option : Rehearse.commandLine().getSubcommands().get("run").getCommandSpec().options()) {
            if (!option.hidden()) {
                assertThat(configuration).as("configuration.md documents %s", option.longestName())
                        .contains("`" + option.longestName());
            }
        }
    }
}
