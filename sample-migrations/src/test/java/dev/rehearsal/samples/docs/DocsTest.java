package dev.rehearsal.samples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.report.FindingType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The user guide keeps up with the product: every finding code is documented (the options of the command line are
 * checked in rehearsal-cli, ConfigurationDocsTest).
 */
class DocsTest {

    private static final Path DOCS = Path.of("..", "docs");

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
