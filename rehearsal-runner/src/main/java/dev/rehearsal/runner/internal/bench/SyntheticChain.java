package dev.rehearsal.runner.internal.bench;

import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.internal.util.FileTrees;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * A chain of small Flyway migrations with undo scripts, written to a temporary directory: the first ones create
 * tables, the rest add a column, an index or a NOT NULL column with a default to one of them, in turn. Small and
 * typical, so that a benchmark measures what Rehearsal adds per migration, not PostgreSQL's work.
 */
final class SyntheticChain implements AutoCloseable {

    private final Path directory;
    private final int migrations;

    private SyntheticChain(Path directory, int migrations) {
        this.directory = directory;
        this.migrations = migrations;
    }

    /** Writes {@code migrations} migrations over {@code tables} tables. */
    static SyntheticChain write(int migrations, int tables) throws IOException {
        Path directory = Files.createTempDirectory("rehearsal-bench-chain-");
        for (int i = 1; i <= migrations; i++) {
            String[] upDown = step(i, tables);
            Files.writeString(directory.resolve("V" + i + "__step_" + i + ".sql"), upDown[0], StandardCharsets.UTF_8);
            Files.writeString(directory.resolve("U" + i + "__step_" + i + ".sql"), upDown[1], StandardCharsets.UTF_8);
        }
        return new SyntheticChain(directory, migrations);
    }

    private static String[] step(int i, int tables) {
        if (i <= tables) {
            return new String[] {
                "CREATE TABLE bench_t" + i + " (\n    id bigint PRIMARY KEY,\n    created_at timestamptz NOT NULL DEFAULT now()\n);\n",
                "DROP TABLE bench_t" + i + ";\n"};
        }
        String table = "bench_t" + (1 + i % tables);
        return switch (i % 3) {
            case 0 -> new String[] {"ALTER TABLE " + table + " ADD COLUMN note_" + i + " text;\n",
                "ALTER TABLE " + table + " DROP COLUMN note_" + i + ";\n"};
            case 1 -> new String[] {"CREATE INDEX bench_ix_" + i + " ON " + table + " (created_at);\n",
                "DROP INDEX bench_ix_" + i + ";\n"};
            default -> new String[] {"ALTER TABLE " + table + " ADD COLUMN count_" + i + " integer NOT NULL DEFAULT 0;\n",
                "ALTER TABLE " + table + " DROP COLUMN count_" + i + ";\n"};
        };
    }

    /** Plain Flyway {@code migrate} of the chain into {@code database}: the baseline. */
    MigrateResult migrateWithFlyway(ScratchDatabase database) {
        return Flyway.configure().dataSource(database.dataSource())
                .locations("filesystem:" + directory.toAbsolutePath())
                .loggers("slf4j")
                .load().migrate();
    }

    /** How the benchmarks rehearse the chain: on {@code server}, without seeding and without write load. */
    RehearsalConfig rehearsal(PostgresServer server) {
        return RehearsalConfig.builder()
                .migrations(directory.toString())
                .provider(PostgresProviders.shared(server))
                .rows(0)
                .load(false)
                .build();
    }

    Path directory() {
        return directory;
    }

    int migrations() {
        return migrations;
    }

    @Override
    public void close() throws IOException {
        FileTrees.delete(directory);
    }
}
