package dev.rehearsal.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void should_name_a_script_by_its_file_name_and_a_prisma_script_with_its_folder() {
        assertThat(Figures.fileName("src/main/resources/db/migration/V3__widen.sql")).isEqualTo("V3__widen.sql");
        assertThat(Figures.fileName("prisma/migrations/20240101120000_init/migration.sql"))
                .isEqualTo("20240101120000_init/migration.sql");
        assertThat(Figures.fileName("20240101120000_init/down.sql")).isEqualTo("20240101120000_init/down.sql");
        assertThat(Figures.fileName("migration.sql")).isEqualTo("migration.sql");
        assertThat(Figures.fileName(null)).isEqualTo("(run)");
    }
}
