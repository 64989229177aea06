package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class VerbosityTest {

    @Test
    void should_keep_flyways_relayed_server_notices_out_of_a_normal_run_and_show_them_verbose() {
        // IF NOT EXISTS makes the server say "already exists, skipping"; Flyway logs that as a warning
        assertThat(Verbosity.levels(false)).containsEntry("org.slf4j.simpleLogger.log.org.flywaydb", "off")
                .containsEntry("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        assertThat(Verbosity.levels(true)).containsEntry("org.slf4j.simpleLogger.log.org.flywaydb", "info");
    }
}
