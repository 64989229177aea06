package dev.rehearsal.samples.facts;

import dev.rehearsal.report.Report;
import dev.rehearsal.runner.config.RehearsalConfig;
import dev.rehearsal.runner.RehearsalEngine;
import dev.rehearsal.runner.PostgresProviders;
import dev.rehearsal.runner.provision.PostgresServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** Rehearses one change on a table of a given size and reads what it did. */
final class PatternRun {

    private PatternRun() {
    }

    static Measured measure(PostgresServer server, FactPattern pattern, long rows, boolean load) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("measured-facts");
            Files.writeString(dir.resolve("V1__create_orders.sql"), FactSchema.create(rows, pattern.setup()));
            Files.writeString(dir.resolve("V2__change.sql"), pattern.sql() + "\n");
            Files.writeString(dir.resolve("U2__change.sql"), pattern.down() + "\n");
            if (pattern.concurrent()) {
                Files.writeString(dir.resolve("V2__change.sql.conf"), "executeInTransaction=false\n");
                Files.writeString(dir.resolve("U2__change.sql.conf"), "executeInTransaction=false\n");
            }
            Report report = new RehearsalEngine(RehearsalConfig.builder()
                    .migrations(dir.toString())
                    .provider(PostgresProviders.shared(server))
                    .rows(0)
                    .load(load)
                    .flywayParity(false)
                    .build()).run();
            return Measured.of(report.migrations().get(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
