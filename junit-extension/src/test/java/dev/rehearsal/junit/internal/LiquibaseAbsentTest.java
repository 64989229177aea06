package dev.rehearsal.junit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rehearsal.runner.MigrationSources;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.source.SourceOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Liquibase is optional in the runner, so a JUnit user's test class path has it only when the project adds it, as
 * this module's does not. A changelog is then refused with one message naming the dependency.
 */
class LiquibaseAbsentTest {

    @TempDir
    Path dir;

    @Test
    void should_name_the_dependency_to_add_when_a_changelog_is_rehearsed_without_liquibase() throws IOException {
        assertThatThrownBy(() -> Class.forName("liquibase.parser.ChangeLogParserFactory"))
                .as("this module's test class path is a JUnit user's without Liquibase")
                .isInstanceOf(ClassNotFoundException.class);
        Files.writeString(dir.resolve("db.changelog-master.yaml"), "databaseChangeLog: []\n");

        RehearsalException e = (RehearsalException) org.assertj.core.api.Assertions.catchThrowable(
                () -> MigrationSources.at(dir.toString(), SourceOptions.defaults()).load());

        assertThat(e.code()).isEqualTo(ErrorCode.INVALID_CONFIGURATION);
        assertThat(e.getMessage()).contains("db.changelog-master.yaml is a Liquibase changelog")
                .contains("org.liquibase:liquibase-core");
    }
}
