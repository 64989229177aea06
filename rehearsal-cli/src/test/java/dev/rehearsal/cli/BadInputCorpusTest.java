package dev.rehearsal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.rehearsal.runner.support.Leftovers;
import dev.rehearsal.runner.support.MigrationFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad-input corpus of the command line, beside the cases of {@link BadInputTest}: every case gets exactly one
 * message that names what is wrong and what to do, the right exit code, no stack trace, no usage dump, no report,
 * and leaves no server and no run directory behind. Cases that need a running server are in
 * {@link FailingMigrationsTest}.
 */
class BadInputCorpusTest {

    private static final String VALID = "db";

    @TempDir
    Path dir;

    /**
     * One case: the files under {@code <dir>/db}, the arguments after {@code run} ({@code {dir}} stands for the
     * temporary directory), the exit code and what the message must say.
     */
    record Case(String name, Consumer<MigrationFiles> files, List<String> args, int exit, List<String> says) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        Consumer<MigrationFiles> valid = m -> m.file("V1__create.sql", "CREATE TABLE t (id int);\n");
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("empty directory", m -> { }, List.of(VALID), 2,
                List.of("No migrations found in", "V<version>__<description>.sql", "<version>_<name>.up.sql")));
        cases.add(new Case("unreadable script (dangling symbolic link)", m -> {
            valid.accept(m);
            link(m.path().resolve("V2__gone.sql"), m.path().resolve("nowhere.sql"));
        }, List.of(VALID), 2, List.of("Cannot read migration script", "V2__gone.sql", "chmod a+r")));
        cases.add(new Case("UTF-16 file with its byte order mark", m -> m.bytes("V1__wide.sql",
                "\uFEFFSELECT 1;\n".getBytes(StandardCharsets.UTF_16LE)), List.of(VALID), 2,
                List.of("V1__wide.sql is not valid UTF-8", "UTF-16LE", "iconv -f UTF-16 -t UTF-8")));
        cases.add(new Case("malformed Flyway version", m -> m.file("V1..2__users.sql", "SELECT 1;"), List.of(VALID), 2,
                List.of("V1..2__users.sql", "'1..2' is not a Flyway version", "would never run")));
        cases.add(new Case("duplicate golang-migrate version", m -> m.file("1_a.up.sql", "SELECT 1;")
                .file("01_b.up.sql", "SELECT 1;"), List.of(VALID), 2,
                List.of("Two up scripts have version 1", "01_b.up.sql", "1_a.up.sql", "a version not yet used")));
        cases.add(new Case("golang-migrate down without up", m -> m.file("1_a.up.sql", "SELECT 1;")
                .file("2_b.down.sql", "SELECT 1;"), List.of(VALID), 2,
                List.of("2_b.down.sql has no up script", "2_<name>.up.sql")));
        cases.add(new Case("COMMIT inside a transactional script", m -> m.file("V1__a.sql",
                "CREATE TABLE a (id int);\nCOMMIT;\n"), List.of(VALID), 2,
                List.of("V1__a.sql line 2: COMMIT is transaction control", "executeInTransaction=false")));
        cases.add(new Case("ROLLBACK inside a transactional script", m -> m.file("V1__a.sql",
                "CREATE TABLE a (id int);\n\nROLLBACK;\n"), List.of(VALID), 2,
                List.of("V1__a.sql line 3: ROLLBACK is transaction control")));
        cases.add(new Case("psql \\i meta-command", m -> m.file("V1__a.sql",
                "CREATE TABLE a (id int);\n\\i other.sql\n"), List.of(VALID), 2,
                List.of("V1__a.sql line 2: \\i other.sql is a psql meta-command", "inline the file")));
        cases.add(new Case("placeholder without a value", m -> m.file("V1__a.sql",
                "CREATE TABLE ${table} (id int);\n"), List.of(VALID), 2, List.of("table", "--placeholder")));
        cases.add(new Case("--load-clients 0", valid, List.of(VALID, "--load-clients", "0"), 2,
                List.of("load clients must be between 1 and 64, got 0")));
        cases.add(new Case("--load-rate -1", valid, List.of(VALID, "--load-rate", "-1"), 2,
                List.of("load rate must be 0 (automatic) or more", "got -1")));
        cases.add(new Case("--statement-timeout 0s", valid, List.of(VALID, "--statement-timeout", "0s"), 2,
                List.of("statement timeout must be a positive duration", "got 0ms")));
        cases.add(new Case("--statement-timeout -5s", valid, List.of(VALID, "--statement-timeout", "-5s"), 2,
                List.of("'-5s' is not a duration", "500ms", "rehearse run --help")));
        cases.add(new Case("--rows that is not a number", valid, List.of(VALID, "--rows", "many"), 2,
                List.of("'many' is not an int", "rehearse run --help")));
        cases.add(new Case("--postgres 99", valid, List.of(VALID, "--postgres", "99"), 2,
                List.of("PostgreSQL 99 is not supported", "13 to 18")));
        cases.add(new Case("--format with no format", valid, List.of(VALID, "--format", ","), 2,
                List.of("no report format given", "json,md,html,junit,sarif")));
        cases.add(new Case("--fail-on fatal", valid, List.of(VALID, "--fail-on", "fatal"), 2,
                List.of("--fail-on must be error, warning or info, got 'fatal'")));
        cases.add(new Case("unknown option", valid, List.of(VALID, "--frobnicate"), 2,
                List.of("Unknown option: '--frobnicate'", "rehearse run --help")));
        cases.add(new Case("no migrations named", valid, List.of(), 2,
                List.of("name the migrations to rehearse: rehearse run <migrations-dir>")));
        cases.add(new Case("--out names a file", m -> valid.accept(m.file("report.txt", "not a directory")),
                List.of(VALID, "--out", "{dir}/db/report.txt"), 2,
                List.of("--out must name a directory", "report.txt is a file")));
        cases.add(new Case("--plan file missing", valid, List.of(VALID, "--plan", "{dir}/nope.yaml"), 2,
                List.of("The rollout plan", "nope.yaml does not exist")));
        cases.add(new Case("--config file missing", valid, List.of(VALID, "--config", "{dir}/nope.yaml"), 2,
                List.of("nope.yaml does not exist", "--config")));
        cases.add(new Case("--jdbc-url of another database product", valid,
                List.of(VALID, "--jdbc-url", "jdbc:mysql://localhost/app"), 2,
                List.of("is not a PostgreSQL JDBC URL", "jdbc:postgresql://localhost:5432/postgres?user=me")));
        cases.add(new Case("--jdbc-url with a port that is no number", valid,
                List.of(VALID, "--jdbc-url", "jdbc:postgresql://localhost:abc/app"), 2,
                List.of("is not a PostgreSQL JDBC URL")));
        cases.add(new Case("--jdbc-url listing a remote host after a local one", valid,
                List.of(VALID, "--jdbc-url", "jdbc:postgresql://localhost,db.example.com/app?user=me"), 3,
                List.of("Refusing to rehearse on db.example.com", "--allow-remote")));
        cases.add(new Case("--table-rows without the schema", valid, List.of(VALID, "--table-rows", "t=500"), 2,
                List.of("rows for table 't' need its schema, as in public.t")));
        cases.add(new Case("--table-rows naming a table no migration names", valid,
                List.of(VALID, "--table-rows", "public.orders=500"), 2,
                List.of("rows were given for public.orders, which no migration of the chain names",
                        "Check the spelling and the schema")));
        cases.add(new Case("--image without the testcontainers provider", valid,
                List.of(VALID, "--image", "postgres:17"), 2, List.of("--image needs --provider testcontainers")));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void should_refuse_bad_input_with_one_message_and_leave_nothing_behind(Case c) {
        // GIVEN the case's files
        c.files().accept(MigrationFiles.in(dir.resolve(VALID)));
        Leftovers leftovers = Leftovers.before();

        // WHEN rehearsed
        List<String> args = new ArrayList<>(List.of("run"));
        c.args().forEach(a -> args.add(a.equals(VALID) ? dir.resolve(VALID).toString()
                : a.replace("{dir}", dir.toString())));
        if (!args.contains("--out")) {
            args.addAll(List.of("--out", dir.resolve("out").toString()));
        }
        args.add("--quiet");
        CliRun run = CliRun.of(args.toArray(String[]::new));

        // THEN one message with the exit code, and nothing else
        assertThat(run.exitCode()).as(run.err()).isEqualTo(c.exit());
        assertOneMessage(run, c.says());
        assertThat(dir.resolve("out")).as("no report for input that was refused").doesNotExist();
        leftovers.assertNoneLeftByThisJvm();
    }

    @Test
    void should_name_a_directory_it_may_not_read() throws IOException {
        // chmod does not keep root out, and these tests may run as root: then the case cannot be made this way
        // (the dangling symbolic link case above covers an unreadable script there).
        assumeFalse("root".equals(System.getProperty("user.name")), "running as root, which reads any directory");
        Path locked = MigrationFiles.in(dir.resolve("locked")).file("V1__a.sql", "SELECT 1;").path();
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            CliRun run = CliRun.of("run", locked.toString(), "--out", dir.resolve("out").toString(), "-q");
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertOneMessage(run, List.of("locked"));
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    static void assertOneMessage(CliRun run, List<String> says) {
        String err = run.err().strip();
        assertThat(err).startsWith("rehearse: ");
        assertThat(err.lines().filter(l -> !l.isBlank())).as("one message: %s", err).hasSize(1);
        says.forEach(fragment -> assertThat(err).contains(fragment));
        assertThat(err).doesNotContain("\tat ").doesNotContain("Usage:").doesNotContain("Exception");
        assertThat(run.out()).isEmpty();
    }

    private static void link(Path link, Path target) {
        try {
            Files.createSymbolicLink(link, target);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
