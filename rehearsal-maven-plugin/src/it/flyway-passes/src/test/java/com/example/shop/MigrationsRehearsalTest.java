package com.example.shop;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import org.junit.jupiter.api.Test;

// Small and without load: the sample checks that the extension runs beside the plugin and writes its reports.
@MigrationRehearsal(locations = "classpath:db/migration", rows = "200", load = Toggle.OFF)
class MigrationsRehearsalTest {

    @Test
    void should_pass_the_policy_and_be_reversible(RehearsalResult result) {
        assertThat(result).passes().allMigrations().areReversible();
    }
}
