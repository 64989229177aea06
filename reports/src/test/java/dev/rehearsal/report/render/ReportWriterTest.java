package dev.rehearsal.report.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    @Test
    void should_write_every_format_to_its_file(@TempDir Path directory) throws Exception {
        // WHEN every format is written at once
        List<Path> written = ReportWriter.write(ReportFixture.report(), directory.resolve("out"),
                EnumSet.allOf(ReportFormat.class));

        // THEN each file exists, is not empty, and no partial file is left
        assertThat(written).extracting(p -> p.getFileName().toString())
                .containsExactly("report.json", "report.md", "report.html", "junit.xml", "report.sarif");
        assertThat(written).allSatisfy(file -> assertThat(Files.size(file)).isPositive());
        try (var files = Files.list(directory.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.endsWith(".partial"));
        }
    }

    @Test
    void should_know_every_format_by_its_command_line_name() {
        assertThat(ReportFormat.knownIds()).isEqualTo("json,md,html,junit,sarif");
        assertThat(ReportFormat.fromId(" SARIF ")).isEqualTo(ReportFormat.SARIF);
    }
}
