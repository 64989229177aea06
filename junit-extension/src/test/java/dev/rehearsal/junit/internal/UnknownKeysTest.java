package dev.rehearsal.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rehearsal.* key no option has is named in a warning, with the key it was probably meant to be. */
class UnknownKeysTest {

    @TempDir
    Path dir;

    @Test
    void should_name_a_misspelt_key_and_the_known_one_it_is_closest_to() {
        assertThat(UnknownKeys.warnings(Set.of("rehearsal.failon", "rehearsal.rowz", "rehearsal.rows",
                "rehearsal.reports.dir", "rehearsal.skip", "rehearsal.catalog.verify", "rehearsal.seed.verify")))
                .containsExactly(
                        "rehearsal.failon is not a Rehearsal setting and is ignored; did you mean rehearsal.failOn?",
                        "rehearsal.rowz is not a Rehearsal setting and is ignored; did you mean rehearsal.rows?");
        assertThat(UnknownKeys.warnings(Set.of("rehearsal.somethingElseEntirely")))
                .containsExactly("rehearsal.somethingElseEntirely is not a Rehearsal setting and is ignored; the "
                        + "settings are listed in docs/configuration.md.");
    }

    @Test
    void should_read_the_keys_of_system_properties_and_of_junit_platform_properties() throws IOException {
        Files.writeString(dir.resolve("junit-platform.properties"),
                "rehearsal.rows=10\nrehearsal.lod=false\njunit.jupiter.execution.parallel.enabled=false\n");
        Properties system = new Properties();
        system.setProperty("rehearsal.postgress", "17");
        system.setProperty("java.version", "17");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            Set<String> given = UnknownKeys.given(system, loader);

            assertThat(given).containsExactly("rehearsal.lod", "rehearsal.postgress", "rehearsal.rows");
            assertThat(UnknownKeys.warnings(given)).containsExactly(
                    "rehearsal.lod is not a Rehearsal setting and is ignored; did you mean rehearsal.load?",
                    "rehearsal.postgress is not a Rehearsal setting and is ignored; did you mean rehearsal.postgres?");
        }
    }

    @Test
    void should_know_every_key_the_settings_resolver_reads() {
        assertThat(UnknownKeys.known()).contains("rehearsal.searchPath", "rehearsal.server.scope",
                "rehearsal.testcontainers.disabledWithoutDocker", "rehearsal.reports.formats");
    }
}
