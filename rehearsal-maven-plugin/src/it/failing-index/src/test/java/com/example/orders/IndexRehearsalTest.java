package com.example.orders;

import static dev.rehearsal.junit.RehearsalAssertions.assertThat;

import dev.rehearsal.junit.MigrationRehearsal;
import dev.rehearsal.junit.RehearsalResult;
import dev.rehearsal.junit.Toggle;
import org.junit.jupiter.api.Test;

// The developer's own test beside the plugin: it pins the finding the build will fail on, and writes its reports.
@MigrationRehearsal(locations = "classpath:db/migration", rows = "200", load = Toggle.OFF)
class IndexRehearsalTest {

    @Test
    void should_find_the_index_built_without_concurrently(RehearsalResult result) {
        assertThat(result).migration("2").hasFinding("NON_CONCURRENT_INDEX");
    }
}
