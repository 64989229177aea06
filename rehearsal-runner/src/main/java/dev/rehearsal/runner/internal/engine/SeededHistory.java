package dev.rehearsal.runner.internal.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rehearsal.report.SeedSummary;
import dev.rehearsal.runner.core.ErrorCode;
import dev.rehearsal.runner.core.RehearsalException;
import dev.rehearsal.runner.core.RunTimings;
import dev.rehearsal.runner.internal.provision.HistoryTemplates;
import dev.rehearsal.runner.provision.PostgresServer;
import dev.rehearsal.runner.provision.ScratchDatabase;
import dev.rehearsal.runner.source.Migration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history with the rows the pending migrations need already seeded, kept beside the history itself: the next
 * pending-only run of a pull request clones it instead of seeding again, when nothing that decides the rows changed —
 * the history, the seeding settings, the seeder's build, what the pending migrations demand of the rows and which of
 * the history's tables they name. The seeded database describes itself (in its comment) so that a later run can tell.
 * Seeding the first run's rows into a database of their own costs that run one clone more.
 */
final class SeededHistory {

    private static final Logger LOG = LoggerFactory.getLogger(SeededHistory.class);
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The rehearsal's first database, and the seeding that filled it (now or in the run that kept its rows). */
    record Start(ScratchDatabase database, SeedSummary seed) {
    }

    /**
     * What a kept seeded history says of itself.
     *
     * @param key    the hash of the history, the settings, the seeder's build and the demands
     * @param tables the history's tables ({@code schema.table})
     * @param wanted those of them the pending migrations named, which were seeded with what their keys reach
     * @param seed   the seeding, as its run reported it
     */
    record Description(String key, List<String> tables, List<String> wanted, SeedSummary seed) {
    }

    private SeededHistory() {
    }

    /**
     * The rehearsal's first database, seeded for {@code first}: a clone of a kept seeded history that fits, or a
     * clone of the history seeded now and kept for later runs. {@code null} when rows cannot be reused (a server that
     * keeps nothing, a seed script, seeding off): the caller seeds as usual.
     */
    static Start cloneOrSeed(PostgresServer server, String historyKey, Supplier<ScratchDatabase> historyClone,
            Seeding seeding, Migration first, RunTimings timings) {
        if (!(server instanceof HistoryTemplates templates) || !templates.keepsHistories() || historyKey == null
                || !seeding.reusable()) {
            return null;
        }
        String key = History.hash(historyKey + "\n" + seeding.fingerprint());
        for (Map.Entry<String, String> kept : templates.describedHistories().entrySet()) {
            Description description = read(kept.getKey(), kept.getValue());
            if (description != null && description.key().equals(key)
                    && description.wanted().equals(wanted(description.tables(), seeding))) {
                templates.useHistory(kept.getKey());
                try (RunTimings.Span span = timings.span(RunTimings.Part.DATABASE)) {
                    return new Start(server.createDatabase("rehearsal", kept.getKey()), description.seed().asReused());
                }
            }
        }
        ScratchDatabase seeded;
        try (RunTimings.Span span = timings.span(RunTimings.Part.DATABASE)) {
            seeded = historyClone.get();
        }
        try {
            List<String> tables;
            SeedSummary seed;
            try (RunTimings.Span span = timings.span(RunTimings.Part.SEED);
                 Connection connection = seeded.connect()) {
                tables = tables(connection);
                seed = seeding.fill(connection, seeded::connect, first);
            }
            List<String> wanted = wanted(tables, seeding);
            String name = templates.keepHistory(historyKey + "_" + History.hash(key + "\n" + wanted), seeded,
                    JSON.writeValueAsString(new Description(key, tables, wanted, seed)));
            if (name.equals(seeded.name())) {
                return new Start(seeded, seed); // not kept: the seeded database serves this run alone
            }
            try (RunTimings.Span span = timings.span(RunTimings.Part.DATABASE)) {
                return new Start(server.createDatabase("rehearsal", name), seed);
            }
        } catch (SQLException e) {
            seeded.close();
            throw new RehearsalException(ErrorCode.DATABASE_UNREACHABLE, "Could not connect to seed the history: "
                    + e.getMessage(), e);
        } catch (JsonProcessingException | RuntimeException e) {
            seeded.close();
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    private static List<String> wanted(List<String> tables, Seeding seeding) {
        return tables.stream().filter(seeding::wants).toList();
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT n.nspname || '.' || c.relname FROM pg_class c "
                     + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') "
                     + "AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' "
                     + "ORDER BY 1")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /** A description this build cannot read (written by another one) is one that does not fit. */
    private static Description read(String database, String text) {
        try {
            Description description = JSON.readValue(text, Description.class);
            return description.key() == null || description.tables() == null || description.wanted() == null
                    || description.seed() == null ? null : description;
        } catch (JsonProcessingException e) {
            LOG.debug("Not reusing the rows of {}: its description does not read ({})", database, e.getMessage());
            return null;
        }
    }
}
