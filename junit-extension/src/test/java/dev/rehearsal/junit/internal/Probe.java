package dev.rehearsal.junit.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.TestReporter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.EventType;

/**
 * What a test case saw, told to the test that ran it through report entries (no static state): the database it got
 * and the server behind it.
 */
final class Probe {

    static final String DATABASE = "database";
    static final String DATA_DIRECTORY = "dataDirectory";

    private Probe() {
    }

    static void publish(Connection connection, TestReporter reporter) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_database(), current_setting('data_directory')")) {
            rs.next();
            reporter.publishEntry(Map.of(DATABASE, rs.getString(1), DATA_DIRECTORY, rs.getString(2)));
        }
    }

    /** Every value published under {@code key}, in the order published. */
    static List<String> values(EngineExecutionResults results, String key) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(Event::getPayload).flatMap(java.util.Optional::stream)
                .map(p -> ((org.junit.platform.engine.reporting.ReportEntry) p).getKeyValuePairs().get(key))
                .filter(java.util.Objects::nonNull).toList();
    }

    static boolean eventTypeIs(Event event, EventType type) {
        return event.getType() == type;
    }
}
