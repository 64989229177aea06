package dev.rehearsal.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RehearseMojoTest {

    @TempDir
    Path basedir;

    private final RecordingLog log = new RecordingLog();

    /** The mojo as Maven configures it: every parameter at its documented default. */
    private RehearseMojo mojo() {
        RehearseMojo mojo = new RehearseMojo();
        mojo.setLog(log);
        mojo.project = TestProjects.project(basedir);
        mojo.layout = "auto";
        mojo.rows = 100_000;
        mojo.load = true;
        mojo.loadClients = 4;
        mojo.statementTimeout = "10min";
        mojo.failOn = "error";
        mojo.writerBlockBudget = "100ms";
        mojo.flywayParity = true;
        mojo.formats = List.of("json,md,html,junit,sarif");
        mojo.outputDirectory = basedir.resolve("target/rehearsal").toFile();
        return mojo;
    }

    @Test
    void should_skip_with_one_log_line() throws Exception {
        // GIVEN a project without migrations, which would fail the build
        RehearseMojo mojo = mojo();
        mojo.skip = true;
        // WHEN
        mojo.execute();
        // THEN
        assertThat(log.lines).containsExactly("[INFO] Rehearsal skipped (rehearsal.skip).");
        assertThat(basedir.resolve("target")).doesNotExist();
    }

    @Test
    void should_pass_over_a_parent_pom_without_migrations_but_not_a_module_with_code() throws Exception {
        // GIVEN the plugin inherited by a pom-packaged parent without migrations
        RehearseMojo parent = mojo();
        parent.project.setPackaging("pom");
        // WHEN
        parent.execute();
        // THEN
        assertThat(log.lines).containsExactly(
                "[INFO] Rehearsal: no migrations in this pom-packaged project; nothing to rehearse.");
        // AND a jar module without migrations, or a parent that names a location, fails
        RehearseMojo module = mojo();
        assertThatThrownBy(module::execute).isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("No migrations found: Flyway's default location (classpath:db/migration)");
        parent.locations = List.of("classpath:db/migration");
        assertThatThrownBy(parent::execute).isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessageStartingWith("No migrations found: <locations> (classpath:db/migration)");
    }

    @Test
    void should_fail_with_the_engines_message_and_never_the_password_when_postgresql_cannot_be_reached()
            throws IOException {
        // GIVEN migrations and a JDBC URL with a password whose port nobody listens on (taken, then released)
        TestProjects.write(basedir.resolve("src/main/resources/db/migration/V1__create_orders.sql"),
                "CREATE TABLE orders (id int);");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        RehearseMojo mojo = mojo();
        mojo.jdbcUrl = "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=app&password=s3cr3t-pw";
        // WHEN / THEN an infrastructure failure, not a finding: Maven's "BUILD ERROR"
        assertThatThrownBy(mojo::execute)
                .isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("127.0.0.1:" + port)
                .hasMessageNotContaining("s3cr3t-pw")
                .hasMessageContaining("The partial report (incomplete) is in " + basedir.resolve("target/rehearsal"));
        assertThat(log.text()).doesNotContain("s3cr3t-pw").contains("Rehearsing " + basedir.resolve(
                "src/main/resources/db/migration"));
        assertThat(Files.readString(basedir.resolve("target/rehearsal/report.json"))).doesNotContain("s3cr3t-pw")
                .contains("\"status\" : \"incomplete\"");
    }

    @Test
    void should_name_the_parameter_and_its_property_in_a_configuration_mistake() {
        // GIVEN
        TestProjects.write(basedir.resolve("src/main/resources/db/migration/V1__create_orders.sql"),
                "CREATE TABLE orders (id int);");
        RehearseMojo mojo = mojo();
        mojo.lockTimeout = "soon";
        // WHEN / THEN
        assertThatThrownBy(mojo::execute)
                .isExactlyInstanceOf(MojoExecutionException.class)
                .hasMessage("Invalid plugin configuration: <lockTimeout> (rehearsal.lockTimeout) 'soon' is not a "
                        + "duration; write it like 500ms, 2s, 5min or 1h.");
    }
}
