package dev.rehearsal.samples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.FindingType;
import dev.rehearsal.runner.cli.Rehearse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.OptionSpec;

/** The user guide keeps up with the product: every option and every finding code is documented. */
class DocsTest {

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

    @Test
    void should_have_an_entry_with_the_anchor_of_every_finding_code() throws IOException {
        String findings = Files.readString(DOCS.resolve("findings.md"));

        for (FindingType type : FindingType.values()) {
            // GitHub turns the heading "## TABLE_REWRITE" into the anchor #table_rewrite
            assertThat(findings).as("findings.md has an entry for %s", type.code())
                    .contains("\n## " + type.code() + "\n")
                    .contains("(#" + type.anchor() + ")");
        }
    }
}
