package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rehearsal.runner.core.BuildInfo;
import org.junit.jupiter.api.Test;

/** {@code rehearse --version} names the version, and the commit and build time when the build was given them. */
class VersionTest {

    @Test
    void should_print_the_version_the_java_and_the_postgres_majors() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out().lines()).first().asString().startsWith("rehearse " + BuildInfo.rehearsalVersion());
        assertThat(run.out()).contains("Java " + System.getProperty("java.version"), "PostgreSQL " + BuildInfo.OLDEST_MAJOR + "–"
                + BuildInfo.NEWEST_MAJOR + " (default " + BuildInfo.defaultPostgresMajor() + ")");
    }

    @Test
    void should_show_the_commit_and_the_build_time_when_the_build_knew_them() {
        assertThat(new CliBuild("1.2.0", "1a2b3c4", "2026-12-03T21:40:00Z").line())
                .isEqualTo("rehearse 1.2.0 (commit 1a2b3c4, built 2026-12-03T21:40:00Z)");
        assertThat(new CliBuild("1.2.0", "", "2026-12-03T21:40:00Z").line())
                .isEqualTo("rehearse 1.2.0 (built 2026-12-03T21:40:00Z)");
        assertThat(new CliBuild("1.2.0", "", "").line()).isEqualTo("rehearse 1.2.0");
    }

    @Test
    void should_know_the_build_time_of_this_build_from_the_filtered_resource() {
        CliBuild current = CliBuild.current();

        assertThat(current.version()).isEqualTo(BuildInfo.rehearsalVersion());
        assertThat(current.time()).matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(current.commit()).doesNotContain("${");
    }
}
