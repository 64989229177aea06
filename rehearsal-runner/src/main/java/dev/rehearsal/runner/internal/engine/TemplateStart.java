package dev.rehearsal.runner.internal.engine;

import dev.rehearsal.report.AppliedHistory;
import dev.rehearsal.report.TemplateDatabase;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.internal.provision.TemplateClones;
import dev.rehearsal.runner.internal.trace.TableSizes;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.source.Migration;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * The start of a rehearsal on a copy of production: the template is cloned once, and the clone — never the
 * template — is read for its migration history and its size. The clone then serves as the first rehearsal database.
 *
 * @param history   the history the template holds, whose clones the rehearsal databases are
 * @param split     the migrations the template holds, and the pending ones
 * @param checksums Flyway's checksums of the migrations the template holds, by version: an applied migration edited
 *                  since is {@code CHECKSUM_CHANGED}
 */
record TemplateStart(History history, PendingSplit split, Map<String, Integer> checksums) {

    static TemplateStart of(PostgresServer server, String template, List<Migration> chain, String pendingAfter) {
        long started = System.nanoTime();
        if (!(server instanceof TemplateClones clones)) {
            throw TemplateClones.unsupported(server.info().provider(), template);
        }
        ScratchDatabase clone = clones.cloneTemplate("rehearsal", template);
        try (Connection connection = clone.connect()) {
            TemplateHistory table = TemplateHistory.read(connection);
            PendingSplit split = TemplateSplit.of(chain, table, pendingAfter, template);
            Map<String, Long> sizes = TableSizes.read(connection);
            long rows = sizes.values().stream().mapToLong(Long::longValue).sum();
            List<Migration> held = split.history();
            List<String> versions = held.stream().map(m -> m.version() == null ? m.up().fileName() : m.version())
                    .toList();
            String upTo = held.isEmpty() ? null : held.get(held.size() - 1).version();
            boolean tableRead = table != null && table.tool() != TemplateHistory.Tool.LIQUIBASE;
            AppliedHistory applied = new AppliedHistory(versions, upTo, false, (System.nanoTime() - started) / 1e6,
                    new TemplateDatabase(template, tableRead ? table.table() : null, sizes.size(), rows));
            return new TemplateStart(History.onTemplate(template, clone, applied), split,
                    TemplateSplit.checksums(held, tableRead ? table : null));
        } catch (SQLException e) {
            clone.close();
            throw new RehearsalException(ErrorCode.DATABASE_UNREACHABLE, "Could not read the clone of the template "
                    + "database " + template + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            clone.close();
            throw e;
        }
    }
}
