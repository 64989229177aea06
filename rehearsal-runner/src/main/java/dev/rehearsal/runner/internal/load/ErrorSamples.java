package dev.rehearsal.runner.internal.load;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Distinct error messages of failed requests, each with a small id that the request log stores. Messages are cut
 * to their first line (details name row values and would make every message distinct).
 */
final class ErrorSamples {

    static final int OTHER = 0;
    private static final int MAX_DISTINCT = 500;

    private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
    private final List<String> messages = new CopyOnWriteArrayList<>(List.of("other errors"));

    int idOf(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String firstLine = message.lines().findFirst().orElse("").trim();
        String state = e.getSQLState() == null ? "" : " [" + e.getSQLState() + "]";
        return idOf(firstLine.length() > 200 ? firstLine.substring(0, 200) + "…" : firstLine + state);
    }

    int idOf(String message) {
        Integer known = ids.get(message);
        if (known != null) {
            return known;
        }
        synchronized (this) {
            known = ids.get(message);
            if (known != null) {
                return known;
            }
            if (messages.size() >= MAX_DISTINCT) {
                return OTHER;
            }
            messages.add(message);
            ids.put(message, messages.size() - 1);
            return messages.size() - 1;
        }
    }

    String message(int id) {
        return messages.get(id);
    }
}
